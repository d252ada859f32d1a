// Writing articles. Each save is one transaction: the slug check, the tags, the redirect from a
// published article's old slug and the article row itself succeed or fail together.
import "server-only";
import type { Viewer } from "../auth/viewer";
import { getDb, isUniqueViolation } from "../db";
import { ForbiddenError, NotFoundError } from "../errors";
import { NOT_YOURS, canEditArticle, isVisibleAt, requireWriter } from "./permissions";
import type { ArticleInput, Publication } from "./schemas";
import { claimSlug, freeSlug, tagIdsFor, type Tx } from "./slug-claims";
import { slugFromTitle } from "./slug";

/** What the action needs to refresh the pages a save changed. */
export type SavedArticle = {
  id: string;
  slug: string;
  status: "draft" | "published";
  publishedAt: Date | null;
  isVisible: boolean;
  // Old slugs that redirect here: their cached redirects must follow the article.
  formerSlugs: string[];
  // Tags before and after the save: both lists may have changed.
  tagSlugs: string[];
  authorHandle: string;
};


// Two saves racing for one slug or one new tag: the unique index stops the loser, and running
// its transaction again lets it see the winner (a typed slug then gets "That slug is taken.", a
// derived one the next free suffix).
async function retryingConflicts<T>(work: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (!isUniqueViolation(error) || attempt >= 3) throw error;
    }
  }
}

type Current = { status: string; publishedAt: Date | null };

/** Status and dates for the button pressed. Editing what readers already see marks it "Updated". */
function publicationFields(publication: Publication, current: Current | null, now: Date) {
  const wasVisible = current !== null && isVisibleAt(current, now);
  switch (publication.intent) {
    case "draft":
      return { status: "draft" as const, publishedAt: null, revisedAt: null };
    case "schedule":
      return { status: "published" as const, publishedAt: publication.publishAt, revisedAt: null };
    case "publish":
      return wasVisible
        ? { status: "published" as const, publishedAt: current.publishedAt, revisedAt: now }
        : { status: "published" as const, publishedAt: now, revisedAt: null };
  }
}

const content = (article: ArticleInput) => ({ title: article.title, dept: article.dept, body: article.body, excerpt: article.excerpt });

async function savedArticle(tx: Tx, id: string, previousTags: string[], now: Date): Promise<SavedArticle> {
  const row = await tx.article.findUniqueOrThrow({
    where: { id },
    select: {
      slug: true, status: true, publishedAt: true, author: { select: { handle: true } },
      tags: { select: { tag: { select: { slug: true } } } }, slugRedirects: { select: { oldSlug: true } },
    },
  });
  return {
    id,
    slug: row.slug,
    status: row.status,
    publishedAt: row.publishedAt,
    isVisible: isVisibleAt(row, now),
    formerSlugs: row.slugRedirects.map((r) => r.oldSlug),
    tagSlugs: [...new Set([...previousTags, ...row.tags.map((t) => t.tag.slug)])],
    authorHandle: row.author.handle,
  };
}

export async function createArticle(viewer: Viewer, article: ArticleInput, publication: Publication): Promise<SavedArticle> {
  requireWriter(viewer);
  return retryingConflicts(() =>
    getDb().$transaction(async (tx) => {
      const now = new Date();
      const slug = article.slug ? await claimSlug(tx, article.slug, null) : await freeSlug(tx, slugFromTitle(article.title), null);
      const tags = await tagIdsFor(tx, article.tags);
      const { id } = await tx.article.create({
        data: { ...content(article), slug, authorId: viewer.id, ...publicationFields(publication, null, now), tags: { create: tags.map((t) => ({ tagId: t.id })) } },
        select: { id: true },
      });
      return savedArticle(tx, id, [], now);
    }),
  );
}

export async function updateArticle(viewer: Viewer, articleId: string, article: ArticleInput, publication: Publication): Promise<SavedArticle> {
  requireWriter(viewer);
  return retryingConflicts(() =>
    getDb().$transaction(async (tx) => {
      const now = new Date();
      const current = await tx.article.findUnique({
        where: { id: articleId },
        select: { slug: true, status: true, publishedAt: true, authorId: true, tags: { select: { tag: { select: { slug: true } } } } },
      });
      if (!current) throw new NotFoundError("That article no longer exists.");
      if (!canEditArticle(viewer, current)) throw new ForbiddenError(NOT_YOURS);
      // A blank slug keeps the current one: a published address never changes by accident.
      const slug = !article.slug || article.slug === current.slug ? current.slug : await claimSlug(tx, article.slug, articleId);
      if (slug !== current.slug) {
        // Going back to one of its own old slugs makes that slug live again.
        await tx.articleRedirect.deleteMany({ where: { oldSlug: slug, articleId } });
        // Readers may have linked to a visible article: its old address keeps working.
        if (isVisibleAt(current, now)) await tx.articleRedirect.create({ data: { oldSlug: current.slug, articleId } });
      }
      const tags = await tagIdsFor(tx, article.tags);
      await tx.articleTag.deleteMany({ where: { articleId } });
      await tx.article.update({
        where: { id: articleId },
        data: { ...content(article), slug, ...publicationFields(publication, current, now), tags: { create: tags.map((t) => ({ tagId: t.id })) } },
      });
      // An admin changing someone else's article is a decision worth a line in the log.
      if (current.authorId !== viewer.id) {
        await tx.moderationEvent.create({
          data: { actorId: viewer.id, action: "article.edit", targetUserId: current.authorId, reason: `Edited "${article.title}" (${publication.intent})` },
        });
      }
      return savedArticle(tx, articleId, current.tags.map((t) => t.tag.slug), now);
    }),
  );
}
