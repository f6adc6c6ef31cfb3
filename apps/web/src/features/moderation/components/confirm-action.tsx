import { useEffect, useRef, useState } from 'react';

/**
 * A button that asks once more in place ("Unhide GlowPins?" · confirm · cancel) before an
 * action that changes the public watchlist; focus follows the question and comes back.
 */
export function ConfirmAction({
  label,
  question,
  confirmLabel,
  pendingLabel,
  isPending,
  onConfirm,
}: {
  label: string;
  question: string;
  confirmLabel: string;
  pendingLabel: string;
  isPending: boolean;
  onConfirm: () => void;
}) {
  const [isAsking, setAsking] = useState(false);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const startButton = useRef<HTMLButtonElement>(null);
  const wasAsking = useRef(false);

  useEffect(() => {
    if (isAsking) confirmButton.current?.focus();
    else if (wasAsking.current) startButton.current?.focus();
    wasAsking.current = isAsking;
  }, [isAsking]);

  if (!isAsking)
    return (
      <button
        ref={startButton}
        type="button"
        className="button small"
        onClick={() => setAsking(true)}
      >
        {label}
      </button>
    );
  return (
    <span className="button-row" role="group" aria-label={question}>
      <span className="small">{question}</span>
      <button
        ref={confirmButton}
        type="button"
        className="button small danger"
        disabled={isPending}
        onClick={onConfirm}
      >
        {isPending ? pendingLabel : confirmLabel}
      </button>
      <button
        type="button"
        className="button small ghost"
        disabled={isPending}
        onClick={() => setAsking(false)}
      >
        Cancel
      </button>
    </span>
  );
}
