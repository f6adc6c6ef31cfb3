import type { CSSProperties } from 'react';
import { normalizeLadder, stepKind, type LadderStep } from './ladder';
import styles from './ladder-gauge.module.css';

interface LadderGaugeProps {
  /** The ruleset's ladder (any order); the termination step is added when missing. */
  ladder: LadderStep[];
  terminationPoints: number;
  confirmedPoints: number;
  /**
   * What complaints still in progress would add; drawn apart, never mixed with confirmed.
   * Left out where they are not known (the public pages): no pending legend then.
   */
  pendingPoints?: number;
  /** Names the meter for screen readers. */
  label?: string;
}

type StepStatus = 'reached' | 'pending' | 'next' | 'ahead';

const STATUS_TEXT: Record<StepStatus, string> = {
  reached: 'Reached',
  pending: 'Reached if pending complaints are established',
  next: 'Next',
  ahead: 'Ahead',
};

function percent(points: number, max: number): number {
  if (max <= 0) return 0;
  return Math.min(100, Math.max(0, (points / max) * 100));
}

/** Keeps a label centred on its mark without spilling past the ends of the track. */
function labelPosition(at: number): CSSProperties {
  const shift = at < 6 ? '0%' : at > 94 ? '-100%' : '-50%';
  return { left: `${at}%`, transform: `translateX(${shift})` };
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/**
 * A seller's estimated points on the marketplace's penalty ladder: coloured zones from the
 * first warning to termination, confirmed points as a solid bar, pending points hatched after
 * them, and the ladder spelled out below with what each step means and whether it is reached.
 */
export function LadderGauge({
  ladder,
  terminationPoints,
  confirmedPoints,
  pendingPoints: knownPendingPoints,
  label = 'Estimated penalty points',
}: LadderGaugeProps) {
  const pendingPoints = knownPendingPoints ?? 0;
  const steps = normalizeLadder(ladder, terminationPoints);
  const max = Math.max(terminationPoints, 1);
  const withPending = confirmedPoints + pendingPoints;
  const confirmedAt = percent(confirmedPoints, max);
  const pendingAt = percent(withPending, max);
  const nextIndex = steps.findIndex((step) => step.points > withPending);

  const statusOf = (step: LadderStep, index: number): StepStatus => {
    if (confirmedPoints >= step.points) return 'reached';
    if (withPending >= step.points && pendingPoints > 0) return 'pending';
    return index === nextIndex ? 'next' : 'ahead';
  };

  const reached = [...steps].reverse().find((step) => confirmedPoints >= step.points);
  const valueText = [
    `${plural(confirmedPoints, 'confirmed point')} of ${terminationPoints} for termination`,
    pendingPoints > 0 ? `${plural(pendingPoints, 'pending point')}` : null,
    reached ? `tier reached: ${reached.label}` : 'no tier reached yet',
  ]
    .filter(Boolean)
    .join('; ');
  // Two labels closer than this would overlap; the legend still gives both figures.
  const showPendingLabel = pendingPoints > 0 && pendingAt - confirmedAt >= 7;

  return (
    <div className={styles.gauge}>
      <div
        role="meter"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={terminationPoints}
        aria-valuenow={Math.min(confirmedPoints, terminationPoints)}
        aria-valuetext={valueText}
        className={styles.meter}
      >
        <div className={styles.markers} aria-hidden="true">
          <span className={styles.confirmedLabel} style={labelPosition(confirmedAt)}>
            {confirmedPoints}
          </span>
          {showPendingLabel && (
            <span className={styles.pendingLabel} style={labelPosition(pendingAt)}>
              {withPending}
            </span>
          )}
        </div>
        <div className={styles.track} aria-hidden="true">
          {steps.map((step, index) => {
            const start = percent(step.points, max);
            const end = percent(steps[index + 1]?.points ?? max, max);
            const kind = stepKind(step, index, terminationPoints);
            return (
              <span
                key={`zone-${step.points}`}
                className={`${styles.zone} ${styles[kind]}`}
                style={
                  start >= 100
                    ? { right: 0, width: '6px' } // the threshold itself, as a cap at the end
                    : { left: `${start}%`, width: `${end - start}%` }
                }
              />
            );
          })}
          <span className={styles.confirmed} style={{ width: `${confirmedAt}%` }} />
          {pendingPoints > 0 && (
            <span
              className={styles.pending}
              style={{ left: `${confirmedAt}%`, width: `${pendingAt - confirmedAt}%` }}
            />
          )}
          {steps.map((step) => (
            <span
              key={`tick-${step.points}`}
              className={styles.tick}
              style={{ left: `${percent(step.points, max)}%` }}
            />
          ))}
        </div>
        <div className={styles.scale} aria-hidden="true">
          <span style={labelPosition(0)}>0</span>
          {steps.map((step) => (
            <span key={`scale-${step.points}`} style={labelPosition(percent(step.points, max))}>
              {step.points}
            </span>
          ))}
        </div>
      </div>

      <ul className={styles.legend}>
        <li>
          <span className={`${styles.swatch} ${styles.swatchConfirmed}`} aria-hidden="true" />
          Confirmed: <strong>{plural(confirmedPoints, 'point')}</strong>
        </li>
        {knownPendingPoints !== undefined && (
          <li>
            <span className={`${styles.swatch} ${styles.swatchPending}`} aria-hidden="true" />
            Pending: <strong>{plural(pendingPoints, 'point')}</strong>
            {pendingPoints > 0 && <> ({withPending} if all are established)</>}
          </li>
        )}
      </ul>

      <ol className={styles.steps} aria-label="Penalty ladder">
        {steps.map((step, index) => {
          const status = statusOf(step, index);
          const kind = stepKind(step, index, terminationPoints);
          return (
            <li key={step.points} className={styles.step} data-status={status}>
              <span className={`${styles.swatch} ${styles[kind]}`} aria-hidden="true" />
              <span className={styles.stepText}>
                <strong>
                  {step.points} points · {step.label}
                </strong>
                <span className={styles.consequence}>{step.consequence}</span>
              </span>
              <span className={`${styles.status} ${styles[`status_${status}`]}`}>
                {STATUS_TEXT[status]}
                {status === 'next' && (
                  <> · {plural(step.points - confirmedPoints, 'point')} to go</>
                )}
              </span>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
