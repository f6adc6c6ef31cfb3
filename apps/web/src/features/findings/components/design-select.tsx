import { Link } from 'react-router';
import { SelectField } from '../../../components/field';
import { IPR_STATUS_LABELS } from '../../../lib/labels';
import { useMyDesigns } from '../api/get-my-designs';

/** Which of my designs the found listings copy (or none). */
export function DesignSelect({
  value,
  onChange,
  error,
  label = 'Design copied',
  noneLabel = 'No design: only save sellers and listings',
  hint = 'Recorded as a sighting of that design, with the date below.',
}: {
  value: string;
  onChange: (artworkId: string) => void;
  error?: string;
  label?: string;
  noneLabel?: string;
  hint?: string;
}) {
  const designs = useMyDesigns();
  const list = designs.data ?? [];
  return (
    <SelectField
      label={label}
      name="artworkId"
      value={value}
      onChange={(event) => onChange(event.target.value)}
      disabled={designs.isPending}
      error={
        error ??
        (designs.error ? `Your designs could not be loaded: ${designs.error.message}` : undefined)
      }
      hint={
        designs.isSuccess && list.length === 0 ? (
          <>
            You have no designs yet. <Link to="/designs/new">Add one</Link> to record what is
            copied.
          </>
        ) : (
          hint
        )
      }
    >
      <option value="">{designs.isPending ? 'Loading your designs…' : noneLabel}</option>
      {list.map((design) => (
        <option key={design.id} value={design.id}>
          {design.title}
          {design.iprStatus !== 'approved'
            ? ` (IPR ${IPR_STATUS_LABELS[design.iprStatus].toLowerCase()})`
            : ''}
        </option>
      ))}
    </SelectField>
  );
}
