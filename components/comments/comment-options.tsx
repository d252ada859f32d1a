"use client";

import Link from "next/link";
import { useState, type FormEvent } from "react";
import { useViewer } from "@/components/auth/use-viewer";
import type { SpotlightOffer } from "@/lib/spotlights/schemas";

type Kind = "first" | "last";
type Props = { commentId: string; articleId: string; articlePath: string; offer: SpotlightOffer };

const credits = (n: number) => `${n} credit${n === 1 ? "" : "s"}`;

/**
 * "Comment options": spend credits to make a comment the article's First Word or Last Word. A
 * native <details> with plain forms, so it works without JavaScript; with it, a refusal is
 * shown in place and a success loads the article at its new spotlight.
 */
export function CommentOptions({ commentId, articleId, articlePath, offer }: Props) {
  const viewer = useViewer(articleId);
  const [error, setError] = useState("");
  const [busy, setBusy] = useState(false);
  const action = `/api/comments/${commentId}/spotlight`;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    setError("");
    try {
      const response = await fetch(action, { method: "POST", body: new FormData(event.currentTarget), headers: { Accept: "application/json" } });
      const answer = (await response.json().catch(() => ({}))) as { location?: string; message?: string };
      if (!response.ok || !answer.location) throw new Error(answer.message ?? "That did not work. Please try again.");
      // A full load, so the page shows the spotlight the server has just rendered.
      window.location.assign(answer.location);
      window.location.reload();
    } catch (failure) {
      setError(failure instanceof Error && failure.message !== "Failed to fetch" ? failure.message : "Could not reach the site. Please try again.");
      setBusy(false);
    }
  }

  const option = (kind: Kind) => {
    const label = kind === "first" ? "First Word" : "Last Word";
    if (kind === "first" ? offer.firstClaimed : offer.lastClaimed) return <p className="comment-options__claimed">The {kind} word has already been claimed</p>;
    return (
      <form method="post" action={action} onSubmit={submit}>
        <input type="hidden" name="kind" value={kind} />
        <button type="submit" className="rating__button" disabled={busy}>
          Make this the {label}
        </button>{" "}
        <span className="comment-options__cost">{credits(kind === "first" ? offer.firstCost : offer.lastCost)}</span>
      </form>
    );
  };

  return (
    <details className="comment-options">
      <summary>Comment options</summary>
      <div className="comment-options__panel">
        {option("first")}
        {option("last")}
        <p className="comment-options__balance">
          {viewer?.signedIn && viewer.credits !== undefined ? (
            <>
              Your balance: {credits(viewer.credits)} (<Link href="/settings#credits">history</Link>)
            </>
          ) : (
            <>
              Get credits or <Link href={`/signin?callbackUrl=${encodeURIComponent(`${articlePath}#comment-${commentId}`)}`}>sign in to see balance</Link>
            </>
          )}
        </p>
        {error ? (
          <p className="rating__error" role="alert">
            {error}
          </p>
        ) : null}
      </div>
    </details>
  );
}
