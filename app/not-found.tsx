export default function NotFound() {
  return (
    <div className="not-found">
      <h1>Page not found</h1>
      <p>There is nothing at this address. It may have moved, or never existed.</p>
      <p>
        {/* A full load, not <Link>: Next keeps showing this page after a client navigation that only drops the query (/?page=abc → /), vercel/next.js#69622. */}
        {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
        <a href="/">Go to the latest articles</a>
      </p>
    </div>
  );
}
