import { buildCommentTree, pruneEmptyTombstones } from "@/lib/comments/tree";
import type { CommentView, SpotlightView } from "@/lib/comments/types";
import { CommentList } from "./comment-item";
import type { ReplyContext } from "./reply-control";
import { SpotlightBox } from "./spotlight-box";

type Props = { comments: CommentView[]; spotlights: SpotlightView[]; reply: ReplyContext; flat?: boolean };

/** The whole discussion: First Word above the thread, Last Word below, each also in its place. */
export function CommentThread({ comments, spotlights, reply, flat = false }: Props) {
  const byId = new Map(comments.map((c) => [c.id, c]));
  const spot = (kind: "first" | "last") => {
    const s = spotlights.find((x) => x.kind === kind);
    const c = s && byId.get(s.commentId);
    return s && c && c.state === "visible" ? <SpotlightBox spotlight={s} comment={c} /> : null;
  };
  // Flat: every comment in the chosen order, no nesting, and no placeholders for deleted ones.
  const tree = flat
    ? comments.filter((c) => c.state !== "tombstone").map((c) => ({ ...c, replies: [] }))
    : pruneEmptyTombstones(buildCommentTree(comments));
  return (
    <>
      {spot("first")}
      {tree.length > 0 ? <CommentList nodes={tree} reply={reply} /> : <p>No comments yet.</p>}
      {spot("last")}
    </>
  );
}
