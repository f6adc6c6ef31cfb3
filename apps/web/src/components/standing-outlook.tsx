import { plural } from '../lib/format';
import { DateText } from './date-text';

/** The parts of a standing estimate (private or public) that say what lies ahead. */
export interface StandingOutlookFacts {
  isTerminated: boolean;
  complaintsNeeded: number | null;
  distinctDaysNeeded: number | null;
  pointsStartExpiringOn: string | null;
  strikes: number;
  strikesToClosure: number | null;
}

function NeededSentence({ standing }: { standing: StandingOutlookFacts }) {
  if (standing.isTerminated) return <>The estimate has reached the termination threshold.</>;
  if (standing.complaintsNeeded === null || standing.distinctDaysNeeded === null)
    return <>Termination cannot be reached with general complaints under this ruleset.</>;
  // One day is enough when the marketplace caps no day's points (Taobao, Tmall) or when few
  // complaints are missing: the daily cap then says nothing the reader needs.
  if (standing.distinctDaysNeeded <= 1)
    return (
      <>
        At least <strong>{plural(standing.complaintsNeeded, 'more established complaint')}</strong>.
      </>
    );
  return (
    <>
      At least <strong>{plural(standing.complaintsNeeded, 'more established complaint')}</strong> on{' '}
      <strong>{plural(standing.distinctDaysNeeded, 'distinct day')}</strong>: complaints established
      on the same day add at most one day’s points.
    </>
  );
}

/**
 * Rows of a standing's figures list (`<dl>`): what termination still needs, when points start
 * to expire, and strikes when there are any. `wideClassName` lets a row span the grid.
 */
export function StandingOutlook({
  standing,
  wideClassName,
}: {
  standing: StandingOutlookFacts;
  wideClassName: string | undefined;
}) {
  return (
    <>
      <div className={wideClassName}>
        <dt>Still needed for termination</dt>
        <dd>
          <NeededSentence standing={standing} />
        </dd>
      </div>
      <div className={wideClassName}>
        <dt>Expiry</dt>
        <dd>
          {standing.pointsStartExpiringOn ? (
            <>
              Points start to expire on{' '}
              <strong>
                <DateText value={standing.pointsStartExpiringOn} />
              </strong>
              .
            </>
          ) : (
            'No points are counting, so none are due to expire.'
          )}
        </dd>
      </div>
      {standing.strikes > 0 && (
        <div className={wideClassName}>
          <dt>Strikes (serious infringement)</dt>
          <dd>
            {standing.strikes}
            {standing.strikesToClosure !== null && (
              <span className="muted"> · {standing.strikesToClosure} more close the account</span>
            )}
          </dd>
        </div>
      )}
    </>
  );
}
