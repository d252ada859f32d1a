import type { ArticleDetail } from "@/lib/articles/types";

/** Structured data for search engines; `<` is escaped so no text can close the script element. */
export function ArticleJsonLd({ article, url, siteName }: { article: ArticleDetail; url: string; siteName: string }) {
  const data = {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    headline: article.title,
    description: article.excerpt,
    datePublished: article.publishedAt,
    dateModified: article.revisedAt ?? article.publishedAt,
    author: { "@type": "Person", name: article.author.name },
    publisher: { "@type": "Organization", name: siteName },
    mainEntityOfPage: url,
    keywords: article.tags.map((t) => t.name).join(", "),
    commentCount: article.commentCount,
  };
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: JSON.stringify(data).replace(/</g, "\\u003c") }} />;
}
