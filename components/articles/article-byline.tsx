import { IntentLink } from "@/components/ui/intent-link";
import type { AuthorRef } from "@/lib/articles/types";
import { RelativeTime } from "@/components/ui/relative-time";
import { itemOf } from "@/lib/seo/schema-org";

/** `described`: the byline of the article page's schema.org NewsArticle (its author and dates). */
export function ArticleByline({ author, publishedAt, revisedAt, described = false }: { author: AuthorRef; publishedAt: string; revisedAt?: string | null; described?: boolean }) {
  const href = `/users/${author.handle}`;
  return (
    <p className="meta">
      by{" "}
      {described ? (
        <IntentLink href={href} itemProp="author" {...itemOf("Person")}>
          <span itemProp="name">{author.name}</span>
          <link itemProp="url" href={href} />
        </IntentLink>
      ) : (
        <IntentLink href={href}>{author.name}</IntentLink>
      )}{" "}
      · <RelativeTime iso={publishedAt} itemProp={described ? "datePublished" : undefined} />
      {revisedAt ? (
        <>
          {" "}
          · Updated <RelativeTime iso={revisedAt} itemProp={described ? "dateModified" : undefined} />
        </>
      ) : null}
    </p>
  );
}
