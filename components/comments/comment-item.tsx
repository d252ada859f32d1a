import { authorName } from "@/lib/comments/author-name";
import { replySubject } from "@/lib/comments/subject";
import type { CommentNode } from "@/lib/comments/types";
import { CommentBody } from "./comment-body";
import { DepthMarker } from "./depth-marker";
import type { SpotlightOffer } from "@/lib/spotlights/schemas";
import { CommentActions } from "./comment-actions";
import { FlaggedComment } from "./flagged-comment";
import type { ReplyContext } from "./reply-control";

type Parent = { id: string; name: string } | null;

function countReplies(node: CommentNode): number {
  return node.replies.reduce((n, r) => n + (r.state === "tombstone" ? 0 : 1) + countReplies(r), 0);
}

type Context = { reply: ReplyContext; offer: SpotlightOffer };

export function CommentItem({ node, reply, offer, parent }: Context & { node: CommentNode; parent: Parent }) {
  const name = authorName(node.author);
  const body = (
    <>
      {parent ? <DepthMarker depth={node.depth} parent={parent} /> : null}
      <CommentBody comment={node} />
      {/* The comment's one action line (one client island): ratings, reply, link and the "⋯" menu. */}
      {node.state !== "tombstone" ? (
        <CommentActions commentId={node.id} subject={replySubject(node.subject)} authorName={name} context={reply} offer={offer} visible={node.state === "visible"} />
      ) : null}
    </>
  );
  const replies = countReplies(node);
  return (
    <li className="comment" id={`comment-${node.id}`} data-depth={node.depth}>
      {node.hidden ? (
        <FlaggedComment by={node.hidden.by} reasons={node.hidden.reasons}>
          {body}
        </FlaggedComment>
      ) : (
        body
      )}
      {/* Replies sit outside the collapsed box: hiding a comment never hides the answers to it.
          They fold away under a native <details>, which works without JavaScript and from the keyboard. */}
      {node.replies.length > 0 ? (
        <details className="replies" open>
          <summary>
            <span className="replies__when-open">Hide</span>
            <span className="replies__when-closed">Show</span> {replies} {replies === 1 ? "reply" : "replies"}
          </summary>
          <CommentList nodes={node.replies} reply={reply} offer={offer} parent={{ id: node.id, name: node.state === "tombstone" ? "a deleted comment" : name }} />
        </details>
      ) : null}
    </li>
  );
}

export function CommentList({ nodes, reply, offer, parent = null }: Context & { nodes: CommentNode[]; parent?: Parent }) {
  return (
    <ul className="comment-list">
      {nodes.map((n) => (
        <CommentItem key={n.id} node={n} reply={reply} offer={offer} parent={parent} />
      ))}
    </ul>
  );
}
