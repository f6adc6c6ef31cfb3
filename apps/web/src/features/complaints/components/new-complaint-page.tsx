export function NewComplaintPage() {
  return <h1>New complaint</h1>;
}
