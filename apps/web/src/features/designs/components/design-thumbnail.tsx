import type { ArtworkView } from '@counterpoint/core/contracts';

/** The design's image, or its initial on a tinted square when there is none. */
export function DesignThumbnail({
  design,
  size = 'card',
}: {
  design: Pick<ArtworkView, 'title' | 'imageUrl'>;
  size?: 'card' | 'large';
}) {
  if (design.imageUrl) {
    return (
      <img
        className={`design-image design-image-${size}`}
        src={design.imageUrl}
        alt={`Image of “${design.title}”`}
        loading="lazy"
      />
    );
  }
  return (
    <div className={`design-image design-image-${size} design-image-empty`} aria-hidden="true">
      {design.title.trim().charAt(0).toUpperCase() || '?'}
    </div>
  );
}
