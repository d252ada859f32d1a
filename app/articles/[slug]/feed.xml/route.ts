import { tagArticlePage } from "@/lib/cache/revalidate";
import { holdUntilPublished } from "@/lib/articles/not-found";
import { buildArticleCommentFeed } from "@/lib/feeds/site-feeds";
import { rssResponse } from "@/lib/feeds/rss";

// Cached as the article's page is, with its tag: every write to the discussion that
// revalidates the page (lib/cache/revalidate.ts, revalidateArticle) expires the feed too. A
// missing article's 404 is not stored (lib/cache/script-hash-cache-handler.js), unless it replaces
// a feed that was; then, for a scheduled article, it ends at publication (lib/articles/reveal.ts).
export const revalidate = 3600;
export function generateStaticParams() {
  return [];
}

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const slug = (await params).slug;
  const xml = await buildArticleCommentFeed(slug);
  if (!xml) {
    await holdUntilPublished(slug);
    return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
  await tagArticlePage(slug);
  return rssResponse(xml);
}
