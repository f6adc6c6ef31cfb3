/** Placeholder: the real page is being built in this feature folder. */
export function SellerPage() {
  return (
    <section>
      <h1>Seller</h1>
      <p className="muted">Coming soon.</p>
    </section>
  );
}
