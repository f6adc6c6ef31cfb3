export function FindingsPage() {
  return <h1>Add findings</h1>;
}
