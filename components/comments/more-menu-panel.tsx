"use client";

import { useViewer } from "@/components/auth/use-viewer";
import { FollowButton } from "@/components/follows/follow-button";
import { useActionsContext } from "./comment-actions-context";
import { CommentOptions } from "./comment-options";
import { useJustPostedComments } from "./own-comments";

/**
 * The open "⋯" menu of a comment: edit, delete, moderate, follow the thread, First/Last Word. It
 * is built when the menu opens, not for every comment up front; without JavaScript the same
 * choices are on the comment's actions page (app/comments/[id]/actions).
 */
export function MoreMenuPanel({ commentId, id }: { commentId: string; id: string }) {
  const { reply: context, offer } = useActionsContext();
  const viewer = useViewer(context.articleId);
  const justPosted = useJustPostedComments();
  const mine = viewer?.signedIn === true && !viewer.isBanned && justPosted.has(commentId);
  const editable = mine || viewer?.editable?.includes(commentId);
  const deletable = mine || viewer?.deletable?.includes(commentId);
  const moderates = viewer?.signedIn === true && (viewer.role === "moderator" || viewer.role === "admin");
  return (
    <div className="menu__panel more-menu__panel" id={id}>
      {editable || deletable || moderates ? (
        <p className="more-menu__links">
          {editable ? (
            <a className="menu__item" href={`/comments/${commentId}/edit`}>
              Edit
            </a>
          ) : null}
          {deletable ? (
            <a className="menu__item" href={`/comments/${commentId}/edit`}>
              Delete
            </a>
          ) : null}
          {moderates ? (
            <a className="menu__item" href="/moderation/reported">
              Moderate
            </a>
          ) : null}
        </p>
      ) : null}
      {/* Posting follows one's own thread (lib/notifications/outbox.ts): a just-posted comment shows it. */}
      <div className="more-menu__follow">
        <FollowButton
          articleId={context.articleId}
          commentId={commentId}
          backHref={`${context.articlePath}#comment-${commentId}`}
          initial={mine || context.follows?.threads.includes(commentId)}
          className="menu__item"
        />
      </div>
      <CommentOptions commentId={commentId} articlePath={context.articlePath} offer={offer} viewer={viewer} interactive />
    </div>
  );
}
