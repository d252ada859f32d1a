import { replySubject } from "@/lib/comments/subject";
import type { CommentNode } from "@/lib/comments/types";
import { CommentBody } from "./comment-body";
import { FlaggedComment } from "./flagged-comment";
import { ReplyControl, type ReplyContext } from "./reply-control";

export function CommentItem({ node, reply }: { node: CommentNode; reply: ReplyContext }) {
  const body = (
    <>
      <CommentBody comment={node} />
      {node.state === "visible" ? <ReplyControl commentId={node.id} subject={replySubject(node.subject)} context={reply} /> : null}
    </>
  );
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
      {node.replies.length > 0 ? <CommentList nodes={node.replies} reply={reply} /> : null}
    </li>
  );
}

export function CommentList({ nodes, reply }: { nodes: CommentNode[]; reply: ReplyContext }) {
  return (
    <ul className="comment-list">
      {nodes.map((n) => (
        <CommentItem key={n.id} node={n} reply={reply} />
      ))}
    </ul>
  );
}
