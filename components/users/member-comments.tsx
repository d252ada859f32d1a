import { IntentLink } from "@/components/ui/intent-link";
import { CommentBadges } from "@/components/comments/comment-badges";
import { formatDateTime } from "@/lib/format";
import type { MemberComment } from "@/lib/users/activity";

export function MemberComments({ comments }: { comments: MemberComment[] }) {
  return (
    <ul className="member-comments">
      {comments.map((c) => (
        <li key={c.id}>
          <p className="meta">
            On <IntentLink href={`/articles/${c.article.slug}`}>{c.article.title}</IntentLink> ·{" "}
            <a href={`/comments/${c.id}`}>
              <time dateTime={c.createdAt}>{formatDateTime(c.createdAt)}</time>
            </a>
          </p>
          {c.subject ? <p className="comment__subject">{c.subject}</p> : null}
          <p>{c.excerpt}</p>
          <CommentBadges badges={c.badges} />
        </li>
      ))}
    </ul>
  );
}
