export function DesignsPage() {
  return <h1>Designs</h1>;
}
