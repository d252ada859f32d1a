import { buildCommentTree, pruneEmptyTombstones } from "@/lib/comments/tree";
import type { CommentView, SpotlightView } from "@/lib/comments/types";
import { CommentList } from "./comment-item";
import type { ReplyContext } from "./reply-control";
import { SpotlightBox } from "./spotlight-box";

/** The whole discussion: First Word above the thread, Last Word below, each also in its place. */
export function CommentThread({ comments, spotlights, reply }: { comments: CommentView[]; spotlights: SpotlightView[]; reply: ReplyContext }) {
  const byId = new Map(comments.map((c) => [c.id, c]));
  const spot = (kind: "first" | "last") => {
    const s = spotlights.find((x) => x.kind === kind);
    const c = s && byId.get(s.commentId);
    return s && c && c.state === "visible" ? <SpotlightBox spotlight={s} comment={c} /> : null;
  };
  const tree = pruneEmptyTombstones(buildCommentTree(comments));
  return (
    <>
      {spot("first")}
      {tree.length > 0 ? <CommentList nodes={tree} reply={reply} /> : <p>No comments yet.</p>}
      {spot("last")}
    </>
  );
}
