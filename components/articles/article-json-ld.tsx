import type { ArticleDetail } from "@/lib/articles/types";
import type { CommentView } from "@/lib/comments/types";
import { env } from "@/lib/env";
import { articleJsonLd } from "@/lib/seo/article-json-ld";
import { APPLE_ICON_SIZE } from "@/lib/seo/icons";

/** Structured data for search engines; `<` is escaped so no text can close the script element. */
export function ArticleJsonLd({ article, comments }: { article: ArticleDetail; comments: CommentView[] }) {
  const { siteUrl, SITE_NAME } = env();
  const data = articleJsonLd({
    article,
    comments,
    siteUrl,
    siteName: SITE_NAME,
    // The routes app/articles/[slug]/opengraph-image.tsx and app/apple-icon.png serve.
    imageUrl: `${siteUrl}/articles/${article.slug}/opengraph-image`,
    logo: { url: `${siteUrl}/apple-icon.png`, width: APPLE_ICON_SIZE, height: APPLE_ICON_SIZE },
  });
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: JSON.stringify(data).replace(/</g, "\\u003c") }} />;
}
