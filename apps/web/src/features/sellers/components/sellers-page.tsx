/** Placeholder: the real page is being built in this feature folder. */
export function SellersPage() {
  return (
    <section>
      <h1>Sellers</h1>
      <p className="muted">Coming soon.</p>
    </section>
  );
}
