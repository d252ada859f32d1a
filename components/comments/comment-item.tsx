import { authorName } from "@/lib/comments/author-name";
import { replySubject } from "@/lib/comments/subject";
import type { CommentNode, CommentView } from "@/lib/comments/types";
import { CommentBody } from "./comment-body";
import { DepthMarker } from "./depth-marker";
import type { ViewerRatings } from "@/lib/ratings/queries";
import { ratingStateOf } from "@/lib/ratings/state";
import { CommentActions } from "./comment-actions";
import { FlaggedComment } from "./flagged-comment";
import { ThreadFold } from "./thread-fold";

type Parent = { id: string; name: string } | null;

function countReplies(node: CommentNode): number {
  return node.replies.reduce((n, r) => n + (r.state === "tombstone" ? 0 : 1) + countReplies(r), 0);
}

/** The comment without its replies: they are rendered (and sent) once, by the list below. */
function viewOf(node: CommentNode): CommentView {
  const view: CommentView & { replies?: CommentNode[] } = { ...node };
  delete view.replies;
  return view;
}

type Context = { ratings?: ViewerRatings };

export function CommentItem({ node, ratings, parent }: Context & { node: CommentNode; parent: Parent }) {
  const name = authorName(node.author);
  const body = (
    <>
      {parent ? <DepthMarker depth={node.depth} parent={parent} /> : null}
      <CommentBody comment={viewOf(node)} described={node.state === "visible"} />
      {/* The comment's one action line (one client island): ratings, reply, link and the "⋯" menu. */}
      {node.state !== "tombstone" ? (
        <CommentActions commentId={node.id} subject={replySubject(node.subject)} authorName={name} visible={node.state === "visible"} rating={ratings ? ratingStateOf(ratings, node.id) : undefined} />
      ) : null}
    </>
  );
  const replies = countReplies(node);
  return (
    <li className="comment" id={`comment-${node.id}`} data-depth={node.depth}>
      <ThreadFold name={node.state === "tombstone" ? "A deleted comment" : name} comments={replies + (node.state === "tombstone" ? 0 : 1)} />
      {node.hidden ? (
        <FlaggedComment by={node.hidden.by} reasons={node.hidden.reasons}>
          {body}
        </FlaggedComment>
      ) : (
        body
      )}
      {/* Replies sit outside the flagged box: hiding a comment never hides the answers to it. The
          reader folds a whole thread with the button above (components/comments/thread-fold.tsx). */}
      {node.replies.length > 0 ? (
        <CommentList nodes={node.replies} ratings={ratings} parent={{ id: node.id, name: node.state === "tombstone" ? "a deleted comment" : name }} />
      ) : null}
    </li>
  );
}

export function CommentList({ nodes, ratings, parent = null }: Context & { nodes: CommentNode[]; parent?: Parent }) {
  return (
    <ul className="comment-list">
      {nodes.map((n) => (
        <CommentItem key={n.id} node={n} ratings={ratings} parent={parent} />
      ))}
    </ul>
  );
}
