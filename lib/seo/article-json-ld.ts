// The article page's structured data: a schema.org NewsArticle (Google's Article rules) with the
// page's visible comments as Comment items (Google's discussion rules). A hidden comment is
// collapsed behind a warning on the page and a removed one shows no text, so neither is described.
import sanitizeHtml from "sanitize-html";
import type { ArticleDetail } from "../articles/types";
import { authorName } from "../comments/author-name";
import type { CommentView } from "../comments/types";

export type ArticleJsonLdInput = {
  article: ArticleDetail;
  comments: CommentView[];
  siteUrl: string;
  siteName: string;
  imageUrl: string;
  logo: { url: string; width: number; height: number };
};

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'", apos: "'", nbsp: " " };

/** The words of sanitized HTML, as a reader would read them. */
export function htmlToText(html: string): string {
  const text = sanitizeHtml(html.replace(/<(br|\/p|\/li|\/blockquote|\/pre)\b[^>]*>/gi, "$& "), { allowedTags: [], allowedAttributes: {} });
  return text
    .replace(/&(amp|lt|gt|quot|#39|apos|nbsp);/g, (_, name: string) => ENTITIES[name])
    .replace(/\s+/g, " ")
    .trim();
}

function commentItem(c: CommentView, siteUrl: string) {
  const author =
    c.author.kind === "member"
      ? { "@type": "Person", name: c.author.name, url: `${siteUrl}/users/${c.author.handle}` }
      : { "@type": "Person", name: authorName(c.author) };
  return {
    "@type": "Comment",
    url: `${siteUrl}/comments/${c.id}`,
    author,
    dateCreated: c.createdAt,
    datePublished: c.createdAt,
    ...(c.editedAt ? { dateModified: c.editedAt } : {}),
    text: htmlToText(c.bodyHtml),
  };
}

export function articleJsonLd({ article, comments, siteUrl, siteName, imageUrl, logo }: ArticleJsonLdInput) {
  const url = `${siteUrl}/articles/${article.slug}`;
  return {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    headline: article.title,
    description: article.excerpt,
    image: [imageUrl],
    datePublished: article.publishedAt,
    dateModified: article.revisedAt ?? article.publishedAt,
    author: { "@type": "Person", name: article.author.name, url: `${siteUrl}/users/${article.author.handle}` },
    publisher: { "@type": "Organization", name: siteName, url: `${siteUrl}/`, logo: { "@type": "ImageObject", ...logo } },
    mainEntityOfPage: url,
    url,
    keywords: article.tags.map((t) => t.name).join(", "),
    commentCount: article.commentCount,
    comment: comments.filter((c) => c.state === "visible").map((c) => commentItem(c, siteUrl)),
  };
}
