import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { CommentBody } from "@/components/comments/comment-body";
import { RatingControls, type RatingState } from "@/components/comments/rating-controls";
import { getViewer } from "@/lib/auth/viewer";
import { getCommentForReply } from "@/lib/comments/queries";
import { viewerRatings } from "@/lib/ratings/queries";
import { readVisitorId } from "@/lib/visitor";

export const metadata: Metadata = { title: "Rate a comment", robots: { index: false } };

const OUTCOMES: Record<string, { text: string; ok: boolean }> = {
  done: { text: "Saved.", ok: true },
  "too-fast": { text: "You are rating very fast. Please wait a few minutes and try again.", ok: false },
  forbidden: { text: "You cannot rate or flag this comment: it is your own, or this site asks you to sign in first.", ok: false },
  gone: { text: "That comment is no longer there to rate.", ok: false },
  invalid: { text: "Choose a rating, or why you are flagging the comment.", ok: false },
};

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ outcome?: string | string[] }> };

// Where the rating controls lead without JavaScript: the comment with this reader's rating of
// it, so the result of the form post is visible, and a way back to the discussion.
export default async function RatePage({ params, searchParams }: Props) {
  const found = await getCommentForReply((await params).id, { includeHidden: true });
  if (!found) notFound();
  const { comment, article } = found;
  const viewer = await getViewer();
  const ratings = await viewerRatings(article.id, viewer, viewer ? null : await readVisitorId());
  const votes = ratings.votes[comment.id] ?? [];
  const state: RatingState = {
    insightful: votes.includes("insightful"),
    funny: votes.includes("funny"),
    flag: ratings.flagged.includes(comment.id),
    own: ratings.own.includes(comment.id),
    counts: ratings.counts[comment.id],
  };
  const outcomeKey = (await searchParams).outcome;
  const outcome = typeof outcomeKey === "string" ? OUTCOMES[outcomeKey] : undefined;
  return (
    <div className="narrow">
      <h1>Rate a comment</h1>
      <p>
        On <a href={`/comments/${comment.id}`}>{article.title}</a>:
      </p>
      {outcome ? (
        <p className={`form-message form-message--${outcome.ok ? "ok" : "error"}`} role={outcome.ok ? "status" : "alert"}>
          {outcome.text}
        </p>
      ) : null}
      <div className="comment">
        <CommentBody comment={comment} />
        <RatingControls commentId={comment.id} articleId={article.id} initial={state} />
      </div>
      <p>
        <a href={`/comments/${comment.id}`}>Back to the discussion</a>
      </p>
    </div>
  );
}
