/** Placeholder: the real page is being built in this feature folder. */
export function SettingsPage() {
  return (
    <section>
      <h1>Settings</h1>
      <p className="muted">Coming soon.</p>
    </section>
  );
}
