import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { CommentBody } from "@/components/comments/comment-body";
import { getViewer } from "@/lib/auth/viewer";
import { getCommentForReply } from "@/lib/comments/queries";
import { getBalance } from "@/lib/credits/ledger";
import { getSettings } from "@/lib/settings/queries";
import { refusalMessage } from "@/lib/spotlights/refusals";

export const metadata: Metadata = { title: "Spotlight a comment", robots: { index: false } };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ outcome?: string | string[]; kind?: string | string[] }> };

// Where a refused First Word / Last Word claim lands without JavaScript: why it was refused,
// the member's balance, and the way back.
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
        Your balance: {balance} credit{balance === 1 ? "" : "s"} (<Link href="/settings#credits">history</Link>).
      </p>
      <div className="comment">
        <CommentBody comment={comment} />
      </div>
      <p>
        <a href={back}>Back to the discussion</a>
      </p>
    </div>
  );
}
