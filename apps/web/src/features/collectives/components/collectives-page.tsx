/** Placeholder: the real page is being built in this feature folder. */
export function CollectivesPage() {
  return (
    <section>
      <h1>Collectives</h1>
      <p className="muted">Coming soon.</p>
    </section>
  );
}
