import type { CommentNode } from "@/lib/comments/types";
import { CommentBody } from "./comment-body";
import { FlaggedComment } from "./flagged-comment";

export function CommentItem({ node }: { node: CommentNode }) {
  const body = <CommentBody comment={node} />;
  return (
    <li className="comment" id={`comment-${node.id}`} data-depth={node.depth}>
      {node.hidden ? (
        <FlaggedComment by={node.hidden.by} reasons={node.hidden.reasons}>
          {body}
        </FlaggedComment>
      ) : (
        body
      )}
      {/* Replies sit outside the collapsed box: hiding a comment never hides the answers to it. */}
      {node.replies.length > 0 ? <CommentList nodes={node.replies} /> : null}
    </li>
  );
}

export function CommentList({ nodes }: { nodes: CommentNode[] }) {
  return (
    <ul className="comment-list">
      {nodes.map((n) => (
        <CommentItem key={n.id} node={n} />
      ))}
    </ul>
  );
}
