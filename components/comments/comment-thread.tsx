import { buildCommentTree, pruneEmptyTombstones } from "@/lib/comments/tree";
import { withReplyLinks } from "@/lib/comments/thread-view";
import type { CommentView, SpotlightView } from "@/lib/comments/types";
import type { ViewerRatings } from "@/lib/ratings/queries";
import { THREAD_VOTE_FORM } from "@/lib/ratings/vote-button";
import { spotlightOffer } from "@/lib/spotlights/offer";
import { CommentActionsProvider } from "./comment-actions-context";
import { CommentList } from "./comment-item";
import type { ReplyContext } from "./reply-control";
import { SpotlightBox } from "./spotlight-box";
import { ThreadReader } from "./thread-reader";

type Props = {
  comments: CommentView[];
  spotlit?: CommentView[];
  spotlights: SpotlightView[];
  reply: ReplyContext;
  costs: { first: number; last: number };
  flat?: boolean;
  // Only on a page rendered for one reader (the fresh view): their own ratings, in the HTML, so
  // a rating made without JavaScript shows on the comment it lands on.
  ratings?: ViewerRatings;
};

/** The whole discussion: First Word above the thread, Last Word below, each also in its place. */
export function CommentThread({ comments, spotlit = [], spotlights, reply, costs, flat = false, ratings }: Props) {
  // Spotlighted comments from other pages of a long discussion are passed in `spotlit`.
  const byId = new Map([...spotlit, ...comments].map((c) => [c.id, c]));
  const spot = (kind: "first" | "last") => {
    const s = spotlights.find((x) => x.kind === kind);
    const c = s && byId.get(s.commentId);
    return s && c && c.state === "visible" ? <SpotlightBox spotlight={s} comment={c} onThisPage={!spotlit.includes(c)} /> : null;
  };
  const offer = spotlightOffer(spotlights, costs);
  // Flat: every comment in the chosen order, no nesting, and no placeholders for deleted ones
  // (a moderator's removal notice stays, as in the threaded view).
  const tree = flat
    ? withReplyLinks(comments)
        .filter((c) => c.state !== "tombstone" || c.removedByModerator)
        .map((c) => ({ ...c, replies: [] }))
    : pruneEmptyTombstones(buildCommentTree(comments));
  // The First Word box sits right above the thread: when its comment also opens the thread, the
  // copy in place folds its text away rather than repeat it straight after.
  const first = spotlights.find((s) => s.kind === "first");
  if (first && tree[0]?.id === first.commentId && tree[0].state === "visible") tree[0] = { ...tree[0], shownAbove: "First Word" };
  return (
    <>
      <ThreadReader articleId={reply.articleId} />
      {spot("first")}
      {tree.length > 0 ? (
        <CommentActionsProvider reply={reply} offer={offer}>
          {/* What every comment's Insightful and Funny submit (lib/ratings/vote-button.ts). */}
          <form id={THREAD_VOTE_FORM} method="post" hidden />
          <CommentList nodes={tree} ratings={ratings} />
        </CommentActionsProvider>
      ) : (
        <p>No comments yet.</p>
      )}
      {spot("last")}
    </>
  );
}
