/** Placeholder: the real page is being built in this feature folder. */
export function CollectivePage() {
  return (
    <section>
      <h1>Collective</h1>
      <p className="muted">Coming soon.</p>
    </section>
  );
}
