import { VISIBILITIES, type Visibility } from '@counterpoint/core';
import { createSellerNoteBodySchema, type SellerProfile } from '@counterpoint/core/contracts';
import { useState, type FormEvent } from 'react';
import { Alert } from '../../../components/alert';
import { DateText } from '../../../components/date-text';
import { SelectField, TextAreaField } from '../../../components/field';
import { Badge } from '../../../components/status-badge';
import { fieldErrors, useFormErrors } from '../../../lib/form-errors';
import { VISIBILITY_EXPLANATIONS, VISIBILITY_LABELS } from '../../../lib/labels';
import { useCreateSellerNote } from '../api/create-seller-note';
import { useDeleteSellerNote } from '../api/delete-seller-note';
import styles from './seller-page.module.css';

type Note = SellerProfile['notes'][number];

function NoteItem({ sellerId, note }: { sellerId: string; note: Note }) {
  const deleteNote = useDeleteSellerNote(sellerId);
  const [isConfirming, setConfirming] = useState(false);
  return (
    <li className={styles.note}>
      <div className={styles.noteMeta}>
        <strong>{note.artist.isYou ? 'You' : note.artist.name}</strong>
        <span className="muted small">
          <DateText value={note.createdAt} withTime />
        </span>
        <Badge tone="muted">{VISIBILITY_LABELS[note.visibility]}</Badge>
      </div>
      <p className={styles.noteBody}>{note.body}</p>
      {note.artist.isYou && (
        <div className="button-row">
          {isConfirming ? (
            <>
              <span className="small" id={`confirm-${note.id}`}>
                Delete this note?
              </span>
              <button
                type="button"
                className="button small danger"
                aria-describedby={`confirm-${note.id}`}
                disabled={deleteNote.isPending}
                onClick={() => deleteNote.mutate(note.id)}
              >
                {deleteNote.isPending ? 'Deleting…' : 'Delete'}
              </button>
              <button
                type="button"
                className="button small ghost"
                onClick={() => setConfirming(false)}
              >
                Keep it
              </button>
            </>
          ) : (
            <button
              type="button"
              className="button small ghost"
              onClick={() => setConfirming(true)}
            >
              Delete <span className="visually-hidden">your note</span>
            </button>
          )}
        </div>
      )}
      {deleteNote.error && <Alert>{deleteNote.error.message}</Alert>}
    </li>
  );
}

function AddNoteForm({ sellerId }: { sellerId: string }) {
  const createNote = useCreateSellerNote(sellerId);
  const [visibility, setVisibility] = useState<Visibility>('private');
  const { errors, setErrors, clearOnEdit } = useFormErrors();

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formElement = event.currentTarget;
    const parsed = createSellerNoteBodySchema.safeParse({
      body: new FormData(formElement).get('body'),
      visibility,
    });
    if (!parsed.success) return setErrors(fieldErrors(parsed.error));
    setErrors({});
    createNote.mutate(parsed.data, { onSuccess: () => formElement.reset() });
  };

  return (
    <form
      onChange={clearOnEdit}
      onSubmit={submit}
      noValidate
      className="stack-sm"
      aria-label="Add a note"
    >
      <TextAreaField label="Your note" name="body" rows={3} maxLength={4000} error={errors.body} />
      <SelectField
        label="Who can see it"
        value={visibility}
        onChange={(event) => setVisibility(event.target.value as Visibility)}
        hint={VISIBILITY_EXPLANATIONS[visibility]}
      >
        {VISIBILITIES.map((value) => (
          <option key={value} value={value}>
            {VISIBILITY_LABELS[value]}
          </option>
        ))}
      </SelectField>
      {createNote.error && <Alert>{createNote.error.message}</Alert>}
      <div>
        <button type="submit" className="button primary" disabled={createNote.isPending}>
          {createNote.isPending ? 'Saving…' : 'Add note'}
        </button>
      </div>
    </form>
  );
}

/** Notes about the seller from me and from artists who shared theirs with me. */
export function NotesSection({ sellerId, notes }: { sellerId: string; notes: Note[] }) {
  return (
    <section id="notes" className="card" aria-labelledby="notes-title">
      <header className="card-header">
        <h2 id="notes-title">Notes</h2>
      </header>
      <div className={styles.notesLayout}>
        {notes.length === 0 ? (
          <p className="muted">No notes yet.</p>
        ) : (
          <ul className={styles.notes}>
            {notes.map((note) => (
              <NoteItem key={note.id} sellerId={sellerId} note={note} />
            ))}
          </ul>
        )}
        <AddNoteForm sellerId={sellerId} />
      </div>
    </section>
  );
}
