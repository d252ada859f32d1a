"use client";

import { IntentLink } from "@/components/ui/intent-link";
import { useState, type FormEvent } from "react";
import type { ViewerSummary } from "@/lib/auth/viewer-summary";
import { rememberSpotlightClaim } from "@/lib/spotlights/claim-notice";
import type { SpotlightOffer } from "@/lib/spotlights/schemas";

type Kind = "first" | "last";
type Props = { commentId: string; articlePath: string; offer: SpotlightOffer; viewer: ViewerSummary | undefined; interactive: boolean };

const credits = (n: number) => `${n} credit${n === 1 ? "" : "s"}`;
const labelOf = (kind: Kind) => (kind === "first" ? "First Word" : "Last Word");

/**
 * First Word and Last Word, in the comment's "⋯" menu: spending credits to pin the comment above
 * or below the discussion. Spending asks first: in place once interactive, and without
 * JavaScript on the comment's spotlight page (a link), whose form then posts the claim.
 */
export function CommentOptions({ commentId, articlePath, offer, viewer, interactive }: Props) {
  const [asking, setAsking] = useState<Kind | null>(null);
  const [error, setError] = useState("");
  const [busy, setBusy] = useState(false);
  const action = `/api/comments/${commentId}/spotlight`;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy || !asking) return;
    setBusy(true);
    setError("");
    try {
      const response = await fetch(action, { method: "POST", body: new FormData(event.currentTarget), headers: { Accept: "application/json" } });
      const answer = (await response.json().catch(() => ({}))) as { location?: string; message?: string };
      if (!response.ok || !answer.location) throw new Error(answer.message ?? "That did not work. Please try again.");
      rememberSpotlightClaim(asking, asking === "first" ? offer.firstCost : offer.lastCost);
      // A full load, so the page shows the spotlight the server has just rendered.
      window.location.assign(answer.location);
      window.location.reload();
    } catch (failure) {
      setError(failure instanceof Error && failure.message !== "Failed to fetch" ? failure.message : "Could not reach the site. Please try again.");
      setBusy(false);
    }
  }

  const option = (kind: Kind) => {
    const label = labelOf(kind);
    const cost = kind === "first" ? offer.firstCost : offer.lastCost;
    if (kind === "first" ? offer.firstClaimed : offer.lastClaimed) return <p className="comment-options__claimed">The {kind} word has already been claimed</p>;
    if (asking === kind) {
      return (
        <form method="post" action={action} onSubmit={submit} className="comment-options__confirm">
          <input type="hidden" name="kind" value={kind} />
          <p id={`spend-${kind}-${commentId}`}>
            Spend {credits(cost)} to make this the {label}?
          </p>
          <button type="submit" className="menu__item menu__item--strong" aria-disabled={busy || undefined} aria-describedby={`spend-${kind}-${commentId}`}>
            Spend {credits(cost)}
          </button>
          <button type="button" className="menu__item" onClick={() => setAsking(null)}>
            Cancel
          </button>
        </form>
      );
    }
    const start = `Make this the ${label}`;
    return (
      <p>
        {interactive ? (
          <button type="button" className="menu__item" onClick={() => setAsking(kind)}>
            {start}
          </button>
        ) : (
          <a className="menu__item" href={`/comments/${commentId}/spotlight?kind=${kind}`}>
            {start}
          </a>
        )}{" "}
        <span className="comment-options__cost">{credits(cost)}</span>
      </p>
    );
  };

  return (
    <div className="comment-options">
      {option("first")}
      {option("last")}
      <details className="comment-options__about">
        <summary>What&rsquo;s this?</summary>
        <p>
          Members spend credits to pin a comment they like, theirs or anyone&rsquo;s: the First Word shows above the whole discussion, the Last Word below it. Each
          article has one of each, for whoever claims it first.
        </p>
      </details>
      <p className="comment-options__balance">
        {viewer?.signedIn && viewer.credits !== undefined ? (
          <>
            Your balance: {credits(viewer.credits)} (<IntentLink href="/settings#credits">history</IntentLink>) · <IntentLink href="/credits">get credits</IntentLink>
          </>
        ) : (
          <>
            <IntentLink href="/credits">Get credits</IntentLink> or{" "}
            <IntentLink href={`/signin?callbackUrl=${encodeURIComponent(`${articlePath}#comment-${commentId}`)}`}>sign in to see balance</IntentLink>
          </>
        )}
      </p>
      {error ? (
        <p className="rating__error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
