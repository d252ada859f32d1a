import Link from "next/link";
import { formatDateTime } from "@/lib/format";
import type { CommentView } from "@/lib/comments/types";
import { DELETED_USER_NAME } from "@/lib/words";

function AuthorName({ author }: { author: CommentView["author"] }) {
  if (author.kind === "member") {
    return (
      <Link className="comment__author" href={`/users/${author.handle}`}>
        {author.name}
      </Link>
    );
  }
  if (author.kind === "deleted") return <span className="comment__author">{DELETED_USER_NAME}</span>;
  const name = author.website ? (
    <a className="comment__author" href={author.website} rel="nofollow ugc noopener">
      {author.name}
    </a>
  ) : (
    <span className="comment__author">{author.name}</span>
  );
  return (
    <>
      {name}
      {author.tag ? <span title="Same tag, same anonymous poster on this article"> · {author.tag}</span> : null}
    </>
  );
}

export function CommentByline({ comment }: { comment: CommentView }) {
  return (
    <p className="comment__byline">
      <AuthorName author={comment.author} />
      <time dateTime={comment.createdAt}>{formatDateTime(comment.createdAt)}</time>
      {comment.editedAt ? <span>(edited)</span> : null}
      <a href={`/comments/${comment.id}`}>Permalink</a>
    </p>
  );
}
