import type { IprStatus } from '@counterpoint/core';
import type { ArtworkView } from '@counterpoint/core/contracts';
import { Link } from 'react-router';
import { IprStatusBadge } from '../../../components/status-badge';

/** Why a design cannot be chosen yet, in the artist's terms. */
const NOT_READY: Record<Exclude<IprStatus, 'approved'>, string> = {
  not_submitted: 'Its IPR is not submitted on IPP yet.',
  pending: 'IPP is reviewing its IPR (usually 3–5 business days).',
  rejected: 'IPP rejected its IPR: fix and resubmit it first.',
};

/**
 * One radio per design. Only designs whose IPR is approved on IPP can be chosen; the others
 * are listed disabled with the reason and a link to their set-up checklist.
 */
export function DesignPicker({
  designs,
  value,
  onChange,
  error,
}: {
  designs: ArtworkView[];
  value: string;
  onChange: (design: ArtworkView) => void;
  error?: string;
}) {
  return (
    <fieldset aria-describedby={error ? 'design-picker-error' : undefined}>
      <legend>Design copied</legend>
      <p className="field-hint">
        A complaint covers one design; IPP asks you to choose its approved IPR.
      </p>
      <ul className="design-options">
        {designs.map((design) => {
          const isReady = design.iprStatus === 'approved';
          const reasonId = `design-${design.id}-reason`;
          return (
            <li key={design.id} className={`design-option${isReady ? '' : ' is-disabled'}`}>
              <label className="choice">
                <input
                  type="radio"
                  name="artworkId"
                  value={design.id}
                  checked={value === design.id}
                  disabled={!isReady}
                  aria-describedby={isReady ? undefined : reasonId}
                  onChange={() => onChange(design)}
                />
                <span className="choice-text">
                  <strong>{design.title}</strong>
                  <span>
                    <IprStatusBadge status={design.iprStatus} />
                    {design.ippIprReference && (
                      <span className="muted small"> IPR {design.ippIprReference}</span>
                    )}
                  </span>
                </span>
              </label>
              {!isReady && (
                <p id={reasonId} className="small design-option-reason">
                  {NOT_READY[design.iprStatus as Exclude<IprStatus, 'approved'>]}{' '}
                  <Link to={`/designs/${design.id}#ipp-setup`}>Set it up on IPP</Link>
                </p>
              )}
            </li>
          );
        })}
      </ul>
      {error && (
        <p id="design-picker-error" className="field-error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}
