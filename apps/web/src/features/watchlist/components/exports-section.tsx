import styles from './watchlist.module.css';

const EXPORTS = [
  {
    href: '/public/v1/watchlist.json',
    label: 'JSON',
    text: 'every listed seller, with the publication policy in force and when the list was made',
  },
  {
    href: '/public/v1/watchlist.csv',
    label: 'CSV',
    text: 'one row per seller, UTF-8, for spreadsheets',
  },
  {
    href: '/public/v1/watchlist.atom',
    label: 'Atom feed',
    text: 'sellers added to the list and tier changes, newest first, for feed readers',
  },
];

const FIELDS: { name: string; text: string }[] = [
  {
    name: 'Points (estimate)',
    text: 'Confirmed penalty points estimated from the marketplace’s published rules, under the named ruleset (for example aliexpress-2022-02-24@1), from every complaint artists recorded against the seller, so they can exceed what the published counts explain. Not an official figure: marketplaces do not publish sellers’ points.',
  },
  {
    name: 'Tier',
    text: 'The step of the marketplace’s penalty ladder the estimate has reached (a warning, a restriction, termination).',
  },
  {
    name: 'Established complaints',
    text: 'Complaints shown on IPP as “Listing removed”: the seller filed no counter-notice in time, or it failed.',
  },
  {
    name: 'Artists',
    text: 'How many different artists those complaints came from. Their names are not published.',
  },
  {
    name: 'First and last established',
    text: 'The first and latest days a complaint against the seller was established. Points count from these days, not from filing.',
  },
  {
    name: 'Dispute open',
    text: 'Someone disputes the listing; the artists’ collectives review it and publish their outcome on the seller’s page.',
  },
];

/** Links to the bulk exports, what their fields mean, and what is (never) published. */
export function ExportsSection() {
  return (
    <section className="card" aria-labelledby="watchlist-data">
      <h2 id="watchlist-data">Use the data</h2>
      <ul className={styles.exports}>
        {EXPORTS.map((item) => (
          <li key={item.href}>
            <a className="button small" href={item.href}>
              {item.label}
            </a>
            <span className="muted small">{item.text}</span>
          </li>
        ))}
      </ul>
      <details className={styles.about}>
        <summary>What the fields mean</summary>
        <dl className="details">
          {FIELDS.map((field) => (
            <div key={field.name} className={styles.detailRow}>
              <dt>{field.name}</dt>
              <dd>{field.text}</dd>
            </div>
          ))}
        </dl>
        <p className="muted small">
          The CSV has the same fields with <code>snake_case</code> names (for example{' '}
          <code>confirmed_points_estimate</code>, <code>ruleset_id</code>,{' '}
          <code>established_complaints</code>, <code>distinct_artists</code>).
        </p>
      </details>
      <details className={styles.about}>
        <summary>What is published, and what never is</summary>
        <div className="grid-2">
          <div>
            <h3 className={styles.aboutHeading}>Published</h3>
            <ul>
              <li>
                Sellers against which complaints that artists chose to make public were established
                (“Listing removed”), corroborated (by default) by at least two artists or by
                removals on at least two days.
              </li>
              <li>
                For each seller: the store, the estimated standing with its ruleset, counts, dates
                and the removed listings.
              </li>
              <li>
                The names of artists who opted in to be named, for their public complaints only.
              </li>
              <li>
                Disputes about a seller: whether one is open, then its outcome and public note.
              </li>
            </ul>
          </div>
          <div>
            <h3 className={styles.aboutHeading}>Never published</h3>
            <ul>
              <li>Who the other artists are: no names, emails or accounts.</li>
              <li>Designs, notes, evidence and complaint references.</li>
              <li>
                Complaints kept private, and (by default) those shared only with a collective.
              </li>
              <li>
                Complaints still in progress, and sellers hidden by a moderator or safelisted as
                authorised resellers.
              </li>
              <li>The contact email and statement of a dispute.</li>
            </ul>
          </div>
        </div>
        <p className="muted small">
          The exact thresholds in force are in the JSON export’s <code>policy</code> field.
        </p>
      </details>
    </section>
  );
}
