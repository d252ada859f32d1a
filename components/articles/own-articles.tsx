import { IntentLink } from "@/components/ui/intent-link";
import type { OwnArticle } from "@/lib/articles/author-queries";
import type { ArticleState } from "@/lib/articles/permissions";
import { formatDateTime } from "@/lib/format";

const GROUPS: { state: ArticleState; heading: string }[] = [
  { state: "draft", heading: "Drafts" },
  { state: "scheduled", heading: "Scheduled" },
  { state: "published", heading: "Published" },
];

function when(a: OwnArticle): string {
  if (a.state === "draft") return `last saved ${formatDateTime(a.updatedAt)}`;
  return `${a.state === "scheduled" ? "appears" : "published"} ${formatDateTime(a.publishedAt ?? a.updatedAt)}`;
}

/** An author's own articles by state; each opens in the edit form. */
export function OwnArticles({ articles }: { articles: OwnArticle[] }) {
  if (articles.length === 0) return <p>You have not written anything yet.</p>;
  return GROUPS.map(({ state, heading }) => {
    const group = articles.filter((a) => a.state === state);
    if (group.length === 0) return null;
    return (
      <section key={state} aria-labelledby={`own-${state}`}>
        <h3 id={`own-${state}`}>{heading}</h3>
        <ul className="own-articles">
          {group.map((a) => (
            <li key={a.slug}>
              <IntentLink href={`/articles/${a.slug}/edit`}>{a.title}</IntentLink> <span className="meta">{when(a)}</span>
              {a.state === "published" ? (
                <>
                  {" "}
                  · <IntentLink href={`/articles/${a.slug}`}>View</IntentLink>
                </>
              ) : null}
            </li>
          ))}
        </ul>
      </section>
    );
  });
}
