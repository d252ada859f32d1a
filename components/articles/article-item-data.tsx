import type { ArticleDetail } from "@/lib/articles/types";
import { env } from "@/lib/env";
import { APPLE_ICON_SIZE } from "@/lib/seo/icons";
import { itemOf } from "@/lib/seo/schema-org";

/**
 * The article's schema.org properties that the page does not show (Google's Article rules): the
 * preview image, the publisher and its logo, the canonical address, the tags, the comment count.
 * `<meta>` and `<link>` with itemprop render nothing. The headline, author, dates and comments
 * are marked where the page shows them (lib/seo/schema-org.ts).
 */
export function ArticleItemData({ article }: { article: ArticleDetail }) {
  const { siteUrl, SITE_NAME } = env();
  const url = `${siteUrl}/articles/${article.slug}`;
  return (
    <>
      <meta itemProp="description" content={article.excerpt} />
      {/* Drawn by app/articles/[slug]/opengraph-image.tsx. */}
      <link itemProp="image" href={`${url}/opengraph-image`} />
      <link itemProp="mainEntityOfPage url" href={url} />
      {article.revisedAt ? null : <meta itemProp="dateModified" content={article.publishedAt} />}
      {article.tags.length > 0 ? <meta itemProp="keywords" content={article.tags.map((t) => t.name).join(", ")} /> : null}
      <meta itemProp="commentCount" content={String(article.commentCount)} />
      <span itemProp="publisher" {...itemOf("Organization")}>
        <meta itemProp="name" content={SITE_NAME} />
        <link itemProp="url" href={`${siteUrl}/`} />
        {/* app/apple-icon.png */}
        <span itemProp="logo" {...itemOf("ImageObject")}>
          <link itemProp="url" href={`${siteUrl}/apple-icon.png`} />
          <meta itemProp="width" content={String(APPLE_ICON_SIZE)} />
          <meta itemProp="height" content={String(APPLE_ICON_SIZE)} />
        </span>
      </span>
    </>
  );
}
