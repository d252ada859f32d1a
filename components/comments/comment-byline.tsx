import type { ReactNode } from "react";
import { IntentLink } from "@/components/ui/intent-link";
import type { CommentView } from "@/lib/comments/types";
import { DELETED_USER_NAME } from "@/lib/words";
import { RelativeTime } from "@/components/ui/relative-time";

const STANDING = {
  author: { label: "Author", title: "Wrote this article" },
  staff: { label: "Staff", title: "Moderates this site" },
} as const;

// The name and what goes with it (a standing, an anonymous tag) are kept together on one line;
// a name alone needs no wrapper (every comment of a long thread has one).
function Who({ name, extra }: { name: ReactNode; extra: ReactNode }) {
  if (!extra) return name;
  return (
    <span className="comment__who">
      {name}
      {extra}
    </span>
  );
}

function AuthorName({ author }: { author: CommentView["author"] }) {
  if (author.kind === "member") {
    const standing = author.standing ? STANDING[author.standing] : null;
    const name = (
      <IntentLink className="comment__author" href={`/users/${author.handle}`}>
        {author.name}
      </IntentLink>
    );
    return (
      <Who
        name={name}
        extra={
          standing ? (
            <span className={`standing standing--${author.standing}`} title={standing.title}>
              {standing.label}
            </span>
          ) : null
        }
      />
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
  return <Who name={name} extra={author.tag ? <span title="Same tag, same anonymous poster on this article"> · {author.tag}</span> : null} />;
}

/**
 * Who, when (linking to the comment's permalink), whether and when it was edited, and in the
 * chronology whom it answers (`replyTo.href` is set only where the nesting does not show it).
 */
export function CommentByline({ comment }: { comment: CommentView }) {
  const replyTo = comment.replyTo?.href ? comment.replyTo : null;
  return (
    <p className="comment__byline">
      <AuthorName author={comment.author} />
      <a className="comment__when" href={`/comments/${comment.id}`}>
        <RelativeTime iso={comment.createdAt} />
        <span className="visually-hidden"> Permalink</span>
      </a>
      {comment.editedAt ? (
        <span className="comment__edited">
          (edited <RelativeTime iso={comment.editedAt} />)
        </span>
      ) : null}
      {replyTo ? (
        <span className="comment__reply-to">
          in reply to <a href={replyTo.href}>{replyTo.name}</a>
        </span>
      ) : null}
    </p>
  );
}
