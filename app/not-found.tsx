import Link from "next/link";

export default function NotFound() {
  return (
    <div className="not-found">
      <h1>Page not found</h1>
      <p>There is nothing at this address. It may have moved, or never existed.</p>
      <p>
        <Link href="/">Go to the latest articles</Link>
      </p>
    </div>
  );
}
