import type { ArtworkDetail } from '@counterpoint/core/contracts';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { Alert } from '../../../components/alert';
import { plural } from '../../../lib/format';
import { useDeleteDesign } from '../api/delete-design';

/** Deleting asks for confirmation; a design with complaints cannot be deleted (the API says why). */
export function DeleteDesign({ design }: { design: ArtworkDetail }) {
  const remove = useDeleteDesign(design.id);
  const navigate = useNavigate();
  const [isConfirming, setConfirming] = useState(false);
  return (
    <section className="card danger-zone" aria-labelledby="delete-design-title">
      <h2 id="delete-design-title">Delete this design</h2>
      <p className="muted small">
        Its findings stay on the seller profiles. A design with complaints on record cannot be
        deleted.
      </p>
      {remove.error && <Alert>{remove.error.message}</Alert>}
      {design.counts.complaints > 0 ? (
        <p className="small">
          It has {plural(design.counts.complaints, 'complaint')} on record, so it cannot be deleted.
        </p>
      ) : isConfirming ? (
        <div className="button-row" role="group" aria-label="Confirm deletion">
          <button
            type="button"
            className="button danger solid"
            disabled={remove.isPending}
            onClick={() => remove.mutate(undefined, { onSuccess: () => void navigate('/designs') })}
          >
            {remove.isPending ? 'Deleting…' : `Delete “${design.title}”`}
          </button>
          <button type="button" className="button ghost" onClick={() => setConfirming(false)}>
            Keep it
          </button>
        </div>
      ) : (
        <button type="button" className="button danger" onClick={() => setConfirming(true)}>
          Delete design…
        </button>
      )}
    </section>
  );
}
