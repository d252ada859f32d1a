"use client";

// Unexpected failures land here: the reader gets an apology and a retry, never a stack trace.
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="not-found">
      <h1>Something went wrong</h1>
      <p>The page could not be shown just now. It has been logged.</p>
      <p>
        <button type="button" onClick={() => reset()}>
          Try again
        </button>
      </p>
    </div>
  );
}
