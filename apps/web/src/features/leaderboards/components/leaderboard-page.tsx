/** Placeholder: the real page is being built in this feature folder. */
export function LeaderboardPage() {
  return (
    <section>
      <h1>Leaderboards</h1>
      <p className="muted">Coming soon.</p>
    </section>
  );
}
