import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { CommentBody } from "@/components/comments/comment-body";
import { CommentOptions } from "@/components/comments/comment-options";
import { RatingControls } from "@/components/comments/rating-controls";
import { FollowButton } from "@/components/follows/follow-button";
import { getViewer } from "@/lib/auth/viewer";
import { summaryOf } from "@/lib/auth/viewer-summary";
import { listOwnComments } from "@/lib/comments/edit-mutations";
import { getCommentForReply, listSpotlights } from "@/lib/comments/queries";
import { getBalance } from "@/lib/credits/ledger";
import { listArticleFollows } from "@/lib/follows/queries";
import { currentReaderRatings } from "@/lib/ratings/queries";
import { ratingStateOf } from "@/lib/ratings/state";
import { getSettings } from "@/lib/settings/queries";
import { spotlightOffer } from "@/lib/spotlights/offer";

export const metadata: Metadata = { title: "Comment actions", robots: { index: false } };

type Props = { params: Promise<{ id: string }> };

// Where a comment's "⋯" leads before JavaScript has loaded, or without it: the whole menu as plain
// links and forms, for this reader (the article page is cached and the same for everyone, so it
// carries only the link). With JavaScript the same choices open in place, in the comment's menu.
export default async function CommentActionsPage({ params }: Props) {
  const found = await getCommentForReply((await params).id, { includeHidden: true });
  if (!found) notFound();
  const { comment, article } = found;
  const viewer = await getViewer();
  const [ratings, spotlights, settings, own, credits, follows] = await Promise.all([
    currentReaderRatings(article.id),
    listSpotlights(article.id),
    getSettings(),
    viewer ? listOwnComments(viewer, article.id) : { editable: [] as string[], deletable: [] as string[] },
    viewer ? getBalance(viewer.id) : undefined,
    viewer ? listArticleFollows(viewer.id, article.id) : undefined,
  ]);
  const offer = spotlightOffer(spotlights, { first: settings.firstWordCost, last: settings.lastWordCost });
  const back = `/comments/${comment.id}`;
  const articlePath = `/articles/${article.slug}`;
  const editable = own.editable.includes(comment.id) || own.deletable.includes(comment.id);
  const answerable = comment.state === "visible";
  return (
    <div className="narrow comment-actions-page">
      <h1>Comment actions</h1>
      <p>
        On <a href={back}>{article.title}</a>:
      </p>
      <div className="comment">
        <CommentBody comment={comment} />
      </div>
      <h2>Rate or flag</h2>
      <RatingControls commentId={comment.id} articleId={article.id} initial={ratingStateOf(ratings, comment.id)} />
      {answerable ? (
        <>
          <h2>Answer</h2>
          <p className="more-menu__links">
            <a className="menu__item" href={`/comments/${comment.id}/reply`}>
              Reply
            </a>
            <a className="menu__item" href={`/comments/${comment.id}/reply?quote=1`}>
              Quote
            </a>
            {editable ? (
              <a className="menu__item" href={`/comments/${comment.id}/edit`}>
                Edit or delete
              </a>
            ) : null}
          </p>
          <h2>Follow</h2>
          <FollowButton articleId={article.id} commentId={comment.id} backHref={`/comments/${comment.id}/actions`} initial={follows?.threads.includes(comment.id)} className="menu__item" />
          <h2>Spotlight</h2>
          <CommentOptions commentId={comment.id} articlePath={articlePath} offer={offer} viewer={viewer ? { ...summaryOf(viewer), credits } : { signedIn: false }} interactive={false} />
        </>
      ) : null}
      <p>
        <a href={back}>Back to the discussion</a>
      </p>
    </div>
  );
}
