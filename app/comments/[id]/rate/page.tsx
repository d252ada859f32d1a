import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { CommentBody } from "@/components/comments/comment-body";
import { RatingControls } from "@/components/comments/rating-controls";
import { getCommentForReply } from "@/lib/comments/queries";
import { currentReaderRatings } from "@/lib/ratings/queries";
import { ratingStateOf } from "@/lib/ratings/state";

export const metadata: Metadata = { title: "Rate a comment", robots: { index: false } };

const OUTCOMES: Record<string, { text: string; ok: boolean }> = {
  done: { text: "Saved.", ok: true },
  "too-fast": { text: "You are rating very fast. Please wait a few minutes and try again.", ok: false },
  forbidden: { text: "You cannot rate or flag this comment: it is your own, or this site asks you to sign in first.", ok: false },
  gone: { text: "That comment is no longer there to rate.", ok: false },
  invalid: { text: "Choose a rating, or why you are flagging the comment.", ok: false },
};

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ outcome?: string | string[] }> };

// Where a refused rating without JavaScript leads (a rating that works lands on the comment in
// the article): the comment with this reader's rating of it, why it was refused, and a way back.
export default async function RatePage({ params, searchParams }: Props) {
  const found = await getCommentForReply((await params).id, { includeHidden: true });
  if (!found) notFound();
  const { comment, article } = found;
  const state = ratingStateOf(await currentReaderRatings(article.id), comment.id);
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
