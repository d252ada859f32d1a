import type { ReactNode } from "react";
import { IntentLink } from "@/components/ui/intent-link";
import type { CommentView } from "@/lib/comments/types";
import { itemOf } from "@/lib/seo/schema-org";
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

// As a schema.org comment's author (lib/seo/schema-org.ts): a Person with the name shown. (Not
// their profile's address: Google only recommends it, and a <link> per comment is an element more
// on every page of a long thread.)
const authorItem = (described: boolean) => (described ? { itemProp: "author", ...itemOf("Person") } : {});
const Named = ({ name, described }: { name: string; described: boolean }) => (described ? <span itemProp="name">{name}</span> : name);

function AuthorName({ author, described }: { author: CommentView["author"]; described: boolean }) {
  if (author.kind === "member") {
    const standing = author.standing ? STANDING[author.standing] : null;
    const name = (
      <IntentLink className="comment__author" href={`/users/${author.handle}`} {...authorItem(described)}>
        <Named name={author.name} described={described} />
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
  if (author.kind === "deleted") {
    return (
      <span className="comment__author" {...authorItem(described)}>
        <Named name={DELETED_USER_NAME} described={described} />
      </span>
    );
  }
  const name = author.website ? (
    <a className="comment__author" href={author.website} rel="nofollow ugc noopener" {...authorItem(described)}>
      <Named name={author.name} described={described} />
    </a>
  ) : (
    <span className="comment__author" {...authorItem(described)}>
      <Named name={author.name} described={described} />
    </span>
  );
  return <Who name={name} extra={author.tag ? <span title="Same tag, same anonymous poster on this article"> · {author.tag}</span> : null} />;
}

/**
 * Who, when (linking to the comment's permalink), whether and when it was edited, and in the
 * chronology whom it answers (`replyTo.href` is set only where the nesting does not show it).
 */
export function CommentByline({ comment, described = false }: { comment: CommentView; described?: boolean }) {
  const replyTo = comment.replyTo?.href ? comment.replyTo : null;
  return (
    <p className="comment__byline">
      <AuthorName author={comment.author} described={described} />
      <a className="comment__when" href={`/comments/${comment.id}`} itemProp={described ? "url" : undefined}>
        <RelativeTime iso={comment.createdAt} itemProp={described ? "dateCreated datePublished" : undefined} />
        <span className="visually-hidden"> Permalink</span>
      </a>
      {comment.editedAt ? (
        <span className="comment__edited">
          (edited <RelativeTime iso={comment.editedAt} itemProp={described ? "dateModified" : undefined} />)
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
