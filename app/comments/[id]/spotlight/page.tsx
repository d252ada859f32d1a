import type { Metadata } from "next";
import { IntentLink } from "@/components/ui/intent-link";
import { notFound, redirect } from "next/navigation";
import { CommentBody } from "@/components/comments/comment-body";
import { getViewer } from "@/lib/auth/viewer";
import { getCommentForReply } from "@/lib/comments/queries";
import { getBalance } from "@/lib/credits/ledger";
import { getSettings } from "@/lib/settings/queries";
import { refusalMessage } from "@/lib/spotlights/refusals";

export const metadata: Metadata = { title: "Spotlight a comment", robots: { index: false } };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ outcome?: string | string[]; kind?: string | string[] }> };

// Without JavaScript, "Make this the First Word" in a comment's menu comes here to confirm the
// spend (?kind=first|last), and a refused claim comes back to say why (?outcome=<code>): the
// member's balance, and the way back.
export default async function SpotlightPage({ params, searchParams }: Props) {
  const { id } = await params;
  const viewer = await getViewer();
  if (!viewer) redirect(`/signin?callbackUrl=${encodeURIComponent(`/comments/${id}/spotlight`)}`);
  const found = await getCommentForReply(id, { includeHidden: true });
  if (!found) notFound();
  const { comment } = found;
  const { outcome, kind } = await searchParams;
  const claimed = kind === "last" ? "last" : "first";
  const settings = await getSettings();
  const cost = claimed === "last" ? settings.lastWordCost : settings.firstWordCost;
  const balance = await getBalance(viewer.id);
  const message = typeof outcome === "string" ? refusalMessage(outcome, { kind: claimed, cost, balance }) : undefined;
  const label = claimed === "last" ? "Last Word" : "First Word";
  const asking = typeof kind === "string" && !message;
  // The permalink: it finds the page of a long discussion that shows the comment.
  const back = `/comments/${comment.id}`;
  return (
    <div className="narrow">
      <h1>Spotlight a comment</h1>
      {message ? (
        <p className="form-message form-message--error" role="alert">
          {message}
        </p>
      ) : null}
      <p>
        Your balance: {balance} credit{balance === 1 ? "" : "s"} (<IntentLink href="/settings#credits">history</IntentLink>).
      </p>
      <div className="comment">
        <CommentBody comment={comment} />
      </div>
      {asking ? (
        <form method="post" action={`/api/comments/${comment.id}/spotlight`} className="form">
          <input type="hidden" name="kind" value={claimed} />
          <p>
            <strong>
              Spend {cost} credit{cost === 1 ? "" : "s"} to make this the {label}?
            </strong>{" "}
            The {label} is pinned {claimed === "last" ? "below" : "above"} the whole discussion.
          </p>
          <div className="form-actions">
            <button type="submit" className="button">
              Spend {cost} credit{cost === 1 ? "" : "s"}
            </button>
            <a href={back} className="button button--secondary">
              Cancel
            </a>
          </div>
        </form>
      ) : null}
      <p>
        <a href={back}>Back to the discussion</a>
      </p>
    </div>
  );
}
