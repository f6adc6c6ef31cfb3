import type { ArtworkView } from '@counterpoint/core/contracts';
import { useId, useRef, useState, type ChangeEvent } from 'react';
import { Alert } from '../../../components/alert';
import { checkImageFile, IMAGE_ACCEPT, useUploadDesignImage } from '../api/upload-design-image';
import { DesignThumbnail } from './design-thumbnail';

/** The design's image with an upload button (PNG, JPEG or WebP up to 5 MB). */
export function DesignImage({ design }: { design: ArtworkView }) {
  const upload = useUploadDesignImage(design.id);
  const [localError, setLocalError] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const id = useId();

  const choose = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    const problem = checkImageFile(file);
    setLocalError(problem);
    upload.reset();
    if (!problem) upload.mutate(file);
  };

  const error = localError ?? upload.error?.message;
  return (
    <section className="card design-image-card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="visually-hidden">
        Image
      </h2>
      <DesignThumbnail design={design} size="large" />
      <div className="stack-sm">
        <input
          ref={inputRef}
          id={id}
          type="file"
          accept={IMAGE_ACCEPT}
          className="visually-hidden"
          onChange={choose}
          // The button below opens it: named for assistive technology, out of the tab order.
          aria-label="Image file"
          tabIndex={-1}
          aria-describedby={`${id}-hint`}
        />
        <button
          type="button"
          className="button small"
          onClick={() => inputRef.current?.click()}
          disabled={upload.isPending}
        >
          {upload.isPending ? 'Uploading…' : design.imageUrl ? 'Replace image' : 'Upload image'}
        </button>
        <p id={`${id}-hint`} className="field-hint">
          PNG, JPEG or WebP, up to 5 MB.
        </p>
        {error && <Alert>{error}</Alert>}
        {upload.isSuccess && !error && <Alert tone="success">Image saved.</Alert>}
      </div>
    </section>
  );
}
