// Where an old address of an imported article leads now (proxy.ts answers it with a 301).
import "server-only";
import { visibleArticleWhere } from "../articles/queries";
import { getDb } from "../db";

/** The article's address here, when `path` (legacyPathOf) was one of its old ones and it is public. */
export async function legacyRedirectFor(path: string, now = new Date()): Promise<string | null> {
  const row = await getDb().articleLegacyUrl.findFirst({ where: { path, article: visibleArticleWhere(now) }, select: { article: { select: { slug: true } } } });
  return row ? `/articles/${row.article.slug}` : null;
}
