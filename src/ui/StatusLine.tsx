import type { RefObject } from 'react';

/**
 * The run in words: a visible line that follows every frame, and a visually hidden polite live
 * region with the same sentence, updated calmly for screen readers. Both are filled by
 * `useReadouts`, never by React.
 */
export function StatusLine({
  visibleRef,
  liveRef,
}: {
  visibleRef: RefObject<HTMLParagraphElement | null>;
  liveRef: RefObject<HTMLParagraphElement | null>;
}) {
  return (
    <>
      <p ref={visibleRef} className="status-line" aria-hidden="true" />
      <p ref={liveRef} className="visually-hidden" role="status" aria-live="polite" />
    </>
  );
}
