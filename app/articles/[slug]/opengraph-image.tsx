import { unstable_cache } from "next/cache";
import { ImageResponse } from "next/og";
import { getArticle } from "@/lib/articles/queries";
import { tagArticlePage } from "@/lib/cache/revalidate";
import { env } from "@/lib/env";
import { pluralize } from "@/lib/format";
import { cutAtWord } from "@/lib/seo/cut";
import { drawableText } from "@/lib/seo/drawable-text";

// The article's preview for link shares: its title, dept line and comment count. Cached like the
// page and carrying the article's tag, so the write that changes the count (revalidateArticle)
// redraws it; the hourly revalidation is only a safety net.
export const revalidate = 3600;
// No article is drawn at build time (a build needs no database); each is drawn when first asked
// for and then served from the cache, as the page is.
export function generateStaticParams() {
  return [];
}
export const alt = "The article's title, dept line and comment count";
export const size = { width: 1200, height: 630 };
export const contentType = "image/png";

const MISSING_REVALIDATE_SECONDS = 60;

const colors = { bg: "#fbfaf7", text: "#1d1f23", muted: "#5b6068", accent: "#a3341f", border: "#dcd8cf" };

export default async function Image({ params }: { params: Promise<{ slug: string }> }) {
  const slug = (await params).slug;
  const article = await getArticle(slug);
  if (!article) {
    // Next stores a route's 404 too: kept a minute, not an hour, so the image of an article
    // scheduled for later appears soon after the article does.
    await unstable_cache(async () => true, ["article-image-missing", slug], { revalidate: MISSING_REVALIDATE_SECONDS })();
    return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
  await tagArticlePage(article.slug);
  const title = drawableText(cutAtWord(article.title, 120));
  const dept = drawableText(cutAtWord(article.dept, 70));
  return new ImageResponse(
    (
      <div style={{ width: "100%", height: "100%", display: "flex", flexDirection: "column", background: colors.bg, color: colors.text, borderTop: `16px solid ${colors.accent}`, padding: "56px 72px" }}>
        <div style={{ display: "flex", fontSize: 34, fontWeight: 700, color: colors.accent }}>{drawableText(env().SITE_NAME)}</div>
        <div style={{ display: "flex", flexGrow: 1, alignItems: "center" }}>
          <div style={{ display: "flex", fontSize: title.length > 70 ? 54 : 66, lineHeight: 1.15, fontWeight: 700 }}>{title}</div>
        </div>
        <div style={{ display: "flex", justifyContent: "space-between", alignItems: "flex-end", borderTop: `2px solid ${colors.border}`, paddingTop: 28, fontSize: 32, color: colors.muted }}>
          <div style={{ display: "flex" }}>{dept ? `from the ${dept} dept` : ""}</div>
          <div style={{ display: "flex", color: colors.text, fontWeight: 700 }}>{pluralize(article.commentCount, "comment")}</div>
        </div>
      </div>
    ),
    size,
  );
}
