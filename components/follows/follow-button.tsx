"use client";

import { useActionState } from "react";
import { useInteractive } from "@/components/ui/use-interactive";
import { useViewer } from "@/components/auth/use-viewer";
import { followAction } from "@/lib/follows/actions";
import type { FollowState } from "@/lib/follows/schemas";

type Props = {
  articleId: string;
  /** A thread (the replies under this comment); the whole discussion without it. */
  commentId?: string;
  /** Where "Sign in to follow" comes back to. */
  backHref: string;
  /** Known when the page was rendered for this reader alone (the fresh view, or just posted). */
  initial?: boolean;
  className?: string;
};

/**
 * "Follow this discussion" / "Follow this thread" and their undo. The page is cached and shared,
 * so what this reader follows comes from /api/viewer; without JavaScript the button is a plain
 * form whose answer brings the reader back to a view rendered for them.
 */
export function FollowButton({ articleId, commentId, backHref, initial, className = "button button--secondary" }: Props) {
  const interactive = useInteractive();
  const viewer = useViewer(articleId);
  const [state, dispatch, pending] = useActionState<FollowState, FormData>(followAction, {});
  const what = commentId ? "thread" : "discussion";
  if (viewer && !viewer.signedIn) {
    return (
      <a className={className} href={`/signin?callbackUrl=${encodeURIComponent(backHref)}`}>
        Sign in to follow
      </a>
    );
  }
  const known = commentId ? viewer?.follows?.threads.includes(commentId) : viewer?.follows?.article;
  const following = state.following ?? (initial || known) ?? false;
  return (
    <form action={dispatch} className="follow-form">
      <input type="hidden" name="articleId" value={articleId} />
      {commentId ? <input type="hidden" name="commentId" value={commentId} /> : null}
      <input type="hidden" name="intent" value={following ? "unfollow" : "follow"} />
      {interactive ? <input type="hidden" name="enhanced" value="1" /> : null}
      <button type="submit" className={className} aria-disabled={pending || undefined}>
        {following ? `Unfollow this ${what}` : `Follow this ${what}`}
      </button>
      {state.message ? (
        <span className="rating__error" role="alert">
          {state.message}
        </span>
      ) : null}
    </form>
  );
}
