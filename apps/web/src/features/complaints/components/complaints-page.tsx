export function ComplaintsPage() {
  return <h1>Complaints</h1>;
}
