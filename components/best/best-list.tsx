import { IntentLink } from "@/components/ui/intent-link";
import { CommentBody } from "@/components/comments/comment-body";
import type { BestComment, BestKind } from "@/lib/best/queries";

const headings: Record<BestKind, string> = { insightful: "Most insightful", funny: "Funniest" };

/** One ranked list of the week, shown as the thread shows each comment, plus its article. */
export function BestList({ kind, comments, emptyText }: { kind: BestKind; comments: BestComment[]; emptyText: string }) {
  const headingId = `best-${kind}`;
  return (
    <section className="best-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{headings[kind]}</h2>
      {comments.length === 0 ? (
        <p>{emptyText}</p>
      ) : (
        <ol className="best-list">
          {comments.map((c) => (
            // The id lets the feed's guids point at this entry of this list.
            <li key={c.id} id={`${kind}-${c.id}`} className="comment best-list__item">
              <p className="meta best-list__article">
                On <IntentLink href={`/articles/${c.article.slug}`}>{c.article.title}</IntentLink>
              </p>
              <CommentBody comment={c} heading="h3" />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
