// What the live route (app/api/articles/[id]/live) serves, wired to this instance's hub and
// database: the route itself keeps to HTTP.
import "server-only";
import { visibleArticleWhere } from "../articles/queries";
import { getDb } from "../db";
import { getLiveHub } from "./announce";
import { liveStream } from "./stream";

// Every view of an article opens a stream: which articles are readable is remembered for a minute
// (only the yes; a scheduled article's no turns into a yes at its time).
const READABLE_MS = 60_000;
const readable = new Map<string, number>();

/** Whether anyone may read the article now (a draft or a scheduled one has no live discussion). */
export async function isLiveArticle(articleId: string): Promise<boolean> {
  const now = Date.now();
  if ((readable.get(articleId) ?? 0) > now) return true;
  const found = await getDb().article.findFirst({ where: { id: articleId, ...visibleArticleWhere() }, select: { id: true } });
  if (!found) return false;
  if (readable.size > 10_000) readable.clear();
  readable.set(articleId, now + READABLE_MS);
  return true;
}

type ArticleStreamInput = { articleId: string; reader: string | null; after: number | null; signal?: AbortSignal };

/** One reader's stream of the article's new comments, from this instance's hub. */
export function articleStream(input: ArticleStreamInput): ReadableStream<Uint8Array> {
  return liveStream({ hub: getLiveHub(), db: getDb(), ...input });
}
