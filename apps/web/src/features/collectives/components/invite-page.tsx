/** Placeholder: the real page is being built in this feature folder. */
export function InvitePage() {
  return (
    <section>
      <h1>Collective invitation</h1>
      <p className="muted">Coming soon.</p>
    </section>
  );
}
