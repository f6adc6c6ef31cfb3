export function NewDesignPage() {
  return <h1>New design</h1>;
}
