import { VISIBILITIES, type Visibility } from '@counterpoint/core';
import { VISIBILITY_EXPLANATIONS, VISIBILITY_LABELS } from '../lib/labels';

/** Who may see what the artist records: radio buttons, each with what it means. */
export function VisibilityChoice({
  name = 'visibility',
  value,
  onChange,
  legend = 'Who can see this',
}: {
  name?: string;
  value: Visibility;
  onChange: (value: Visibility) => void;
  legend?: string;
}) {
  return (
    <fieldset>
      <legend>{legend}</legend>
      {VISIBILITIES.map((visibility) => (
        <label key={visibility} className="choice">
          <input
            type="radio"
            name={name}
            value={visibility}
            checked={value === visibility}
            onChange={() => onChange(visibility)}
          />
          <span className="choice-text">
            <strong>{VISIBILITY_LABELS[visibility]}</strong>
            <span className="muted small">{VISIBILITY_EXPLANATIONS[visibility]}</span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}
