// Reads for the authoring desk: an author's own articles in every state, and one article's
// Markdown source for its edit form. Plain objects only.
import { getDb } from "../db";
import { parseSlug } from "../route-params";
import { articleState, type ArticleState } from "./permissions";

export type OwnArticle = { slug: string; title: string; state: ArticleState; publishedAt: string | null; updatedAt: string };

/** Everything the member wrote, most recently changed first: drafts, scheduled and published. */
export async function listOwnArticles(authorId: string): Promise<OwnArticle[]> {
  const rows = await getDb().article.findMany({
    where: { authorId },
    select: { slug: true, title: true, status: true, publishedAt: true, updatedAt: true },
    orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
    take: 200,
  });
  const now = new Date();
  return rows.map((r) => ({ slug: r.slug, title: r.title, state: articleState(r, now), publishedAt: r.publishedAt?.toISOString() ?? null, updatedAt: r.updatedAt.toISOString() }));
}

export type EditableArticle = {
  id: string;
  authorId: string;
  authorName: string;
  slug: string;
  title: string;
  dept: string;
  tags: string; // "Copyright, Privacy": the form's text
  body: string;
  excerpt: string;
  state: ArticleState;
  publishedAt: string | null;
  revisedAt: string | null;
  updatedAt: string;
};

/** The article at `slug` (current or old) in any state, or null. The caller checks edit rights. */
export async function getArticleForEdit(rawSlug: string): Promise<EditableArticle | null> {
  const slug = parseSlug(rawSlug);
  if (!slug) return null;
  const db = getDb();
  const where = (await db.article.findUnique({ where: { slug }, select: { id: true } }))
    ? { slug }
    : { slugRedirects: { some: { oldSlug: slug } } };
  const row = await db.article.findFirst({
    where,
    select: {
      id: true, authorId: true, slug: true, title: true, dept: true, body: true, excerpt: true, status: true,
      publishedAt: true, revisedAt: true, updatedAt: true, author: { select: { name: true } },
      tags: { select: { tag: { select: { name: true } } }, orderBy: { tag: { name: "asc" } } },
    },
  });
  if (!row) return null;
  return {
    id: row.id,
    authorId: row.authorId,
    authorName: row.author.name,
    slug: row.slug,
    title: row.title,
    dept: row.dept,
    tags: row.tags.map((t) => t.tag.name).join(", "),
    body: row.body,
    excerpt: row.excerpt ?? "",
    state: articleState(row),
    publishedAt: row.publishedAt?.toISOString() ?? null,
    revisedAt: row.revisedAt?.toISOString() ?? null,
    updatedAt: row.updatedAt.toISOString(),
  };
}
