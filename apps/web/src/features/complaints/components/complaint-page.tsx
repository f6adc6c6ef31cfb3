export function ComplaintPage() {
  return <h1>Complaint</h1>;
}
