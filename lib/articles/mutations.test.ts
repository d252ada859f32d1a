// Article writes against a real database: who may write and edit, slugs (derived, typed, taken,
// changed with a redirect), publishing, scheduling and "Updated", and nothing stored on failure.
import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { Role } from "../auth/roles";
import type { Viewer } from "../auth/viewer";
import { getDb } from "../db";
import { FieldError, ForbiddenError } from "../errors";
import { getArticleForEdit, listOwnArticles } from "./author-queries";
import { explainMissingArticle } from "./lookup";
import { createArticle, updateArticle } from "./mutations";
import { getArticle, listArticlesByTag, listTagsInUse, visibleArticleWhere } from "./queries";
import { SaveArticleInput, type ArticleInput, type Publication } from "./schemas";

const db = getDb();
const unique = () => randomBytes(4).toString("hex");
const DRAFT: Publication = { intent: "draft" };
const PUBLISH: Publication = { intent: "publish" };

async function member(role: Role): Promise<Viewer> {
  const handle = `${role}_${unique()}`;
  const u = await db.user.create({ data: { email: `${handle}@example.test`, handle, name: `Test ${role}`, role } });
  return { id: u.id, handle, name: u.name, role, isBanned: false, sessionId: "unused" };
}

function input(overrides: Partial<ArticleInput> = {}): ArticleInput {
  const tag = `Tag ${unique()}`;
  return { title: `Ink is the new oil ${unique()}`, dept: "ink-is-the-new-oil", slug: undefined, tags: [{ name: tag, slug: tag.toLowerCase().replace(" ", "-") }], body: "## Heading\n\n*Emphasis*.", excerpt: null, ...overrides };
}

async function fieldOf(promise: Promise<unknown>): Promise<[string | undefined, string]> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof FieldError) return [error.field, error.message];
    throw error;
  }
  throw new Error("expected a FieldError");
}

let reader: Viewer, author: Viewer, other: Viewer, admin: Viewer;

beforeAll(async () => {
  [reader, author, other, admin] = await Promise.all([member("reader"), member("author"), member("author"), member("admin")]);
});

describe("rights", () => {
  it("refuses readers and banned authors, storing nothing", async () => {
    const attempt = input();
    const before = await db.article.count();
    await expect(createArticle(reader, attempt, PUBLISH)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(createArticle({ ...author, isBanned: true }, attempt, PUBLISH)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await db.article.count()).toBe(before);
    expect(await db.tag.count({ where: { name: attempt.tags[0].name } })).toBe(0);
  });

  it("lets authors edit only their own articles, and admins anyone's (logged)", async () => {
    const mine = await createArticle(author, input(), DRAFT);
    await expect(updateArticle(other, mine.id, input({ title: "Hijacked" }), PUBLISH)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(updateArticle(reader, mine.id, input({ title: "Hijacked" }), PUBLISH)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await db.article.findUniqueOrThrow({ where: { id: mine.id } })).toMatchObject({ status: "draft", authorId: author.id });

    await updateArticle(admin, mine.id, input({ title: "Tidied by an admin" }), DRAFT);
    expect(await db.article.findUniqueOrThrow({ where: { id: mine.id } })).toMatchObject({ title: "Tidied by an admin", authorId: author.id });
    expect(await db.moderationEvent.findFirst({ where: { action: "article.edit", actorId: admin.id, targetUserId: author.id } })).not.toBeNull();
  });
});

describe("slugs", () => {
  it("derives the slug from the title and suffixes a taken one", async () => {
    const title = `Same Title ${unique()}`;
    const one = await createArticle(author, input({ title }), DRAFT);
    const two = await createArticle(other, input({ title }), DRAFT);
    expect(one.slug).toBe(title.toLowerCase().replace(/ /g, "-"));
    expect(two.slug).toBe(`${one.slug}-2`);
  });

  it("refuses a typed slug used by another article or by another article's old slug", async () => {
    const first = await createArticle(author, input(), PUBLISH);
    const newTag = input().tags;
    expect(await fieldOf(createArticle(other, input({ slug: first.slug, tags: newTag }), DRAFT))).toEqual(["slug", "That slug is taken."]);
    // The failed save's new tag went with its transaction.
    expect(await db.tag.count({ where: { name: newTag[0].name } })).toBe(0);

    const moved = await updateArticle(author, first.id, input({ slug: `moved-${unique()}` }), PUBLISH);
    expect(moved.formerSlugs).toEqual([first.slug]);
    const second = await createArticle(other, input(), DRAFT);
    expect(await fieldOf(updateArticle(other, second.id, input({ slug: first.slug }), DRAFT))).toEqual(["slug", "That slug is taken."]);
  });

  it("redirects a published article's old slug to the new one, and can go back to it", async () => {
    const published = await createArticle(author, input(), PUBLISH);
    const newSlug = `renamed-${unique()}`;
    const renamed = await updateArticle(author, published.id, input({ slug: newSlug }), PUBLISH);
    expect(renamed).toMatchObject({ slug: newSlug, isVisible: true, formerSlugs: [published.slug] });
    expect(await getArticle(published.slug)).toBeNull();
    expect(await explainMissingArticle(published.slug)).toEqual({ movedTo: newSlug });
    expect((await getArticleForEdit(published.slug))?.slug).toBe(newSlug);

    const back = await updateArticle(author, published.id, input({ slug: published.slug }), PUBLISH);
    expect(back).toMatchObject({ slug: published.slug, formerSlugs: [newSlug] });
    expect(await explainMissingArticle(newSlug)).toEqual({ movedTo: published.slug });
    expect((await getArticle(published.slug))?.id).toBe(published.id);
  });

  it("renames a draft without leaving a redirect, and keeps the slug when the field is blank", async () => {
    const draft = await createArticle(author, input(), DRAFT);
    const renamed = await updateArticle(author, draft.id, input({ slug: `draft-${unique()}` }), DRAFT);
    expect(renamed.formerSlugs).toEqual([]);
    expect(await explainMissingArticle(draft.slug)).toBeNull();
    const kept = await updateArticle(author, draft.id, input({ title: "A whole new title", slug: undefined }), DRAFT);
    expect(kept.slug).toBe(renamed.slug);
  });
});

describe("publishing", () => {
  it("saves drafts out of sight, lists them for their author, and publishes on request", async () => {
    const draft = await createArticle(author, input(), DRAFT);
    expect(draft).toMatchObject({ status: "draft", publishedAt: null, isVisible: false });
    expect(await getArticle(draft.slug)).toBeNull();
    expect((await listOwnArticles(author.id)).find((a) => a.slug === draft.slug)?.state).toBe("draft");

    const live = await updateArticle(author, draft.id, input(), PUBLISH);
    expect(live.isVisible).toBe(true);
    expect(Math.abs(live.publishedAt!.getTime() - Date.now())).toBeLessThan(10_000);
    const shown = await getArticle(live.slug);
    expect(shown?.revisedAt).toBeNull();
  });

  it("marks an edit of a published article as Updated and keeps its publication date", async () => {
    const a = await createArticle(author, input(), PUBLISH);
    await new Promise((r) => setTimeout(r, 20));
    const edited = await updateArticle(author, a.id, input({ body: "Corrected." }), PUBLISH);
    expect(edited.publishedAt).toEqual(a.publishedAt);
    const shown = await getArticle(a.slug);
    expect(shown?.revisedAt).not.toBeNull();
    expect(new Date(shown!.revisedAt!).getTime()).toBeGreaterThan(a.publishedAt!.getTime());
  });

  it("schedules: published with a future date, hidden by visibleArticleWhere until then", async () => {
    const at = new Date(Date.now() + 3_600_000);
    const tags = input().tags;
    const s = await createArticle(author, input({ tags }), { intent: "schedule", publishAt: at });
    expect(s).toMatchObject({ status: "published", publishedAt: at, isVisible: false });
    expect(await getArticle(s.slug)).toBeNull();
    expect((await listArticlesByTag(tags[0].slug, 1))?.articles.total).toBe(0);
    // Its new tag is not announced (sitemap) before the article is.
    expect((await listTagsInUse()).map((t) => t.slug)).not.toContain(tags[0].slug);
    expect(await db.article.count({ where: { id: s.id, ...visibleArticleWhere() } })).toBe(0);
    expect(await db.article.count({ where: { id: s.id, ...visibleArticleWhere(new Date(at.getTime() + 1)) } })).toBe(1);
    expect(await explainMissingArticle(s.slug)).toEqual({ scheduledFor: at });
    expect((await listOwnArticles(author.id)).find((a) => a.slug === s.slug)?.state).toBe("scheduled");
  });

  it("picks existing tags whatever their case and creates new ones", async () => {
    const name = `Privacy ${unique()}`;
    const a = await createArticle(author, input({ tags: [{ name, slug: name.toLowerCase().replace(" ", "-") }] }), PUBLISH);
    const b = await createArticle(other, input({ tags: [{ name: name.toLowerCase(), slug: name.toLowerCase().replace(" ", "-") }] }), PUBLISH);
    expect(a.tagSlugs).toEqual(b.tagSlugs);
    expect(await db.tag.findMany({ where: { slug: a.tagSlugs[0] }, select: { name: true } })).toEqual([{ name }]);
    expect((await listArticlesByTag(a.tagSlugs[0], 1))?.articles.total).toBe(2);
    expect((await listTagsInUse()).map((t) => t.slug)).toContain(a.tagSlugs[0]);
  });
});

describe("a failed validation", () => {
  it("stores nothing: the action stops at the schema", async () => {
    const before = await db.article.count();
    const parsed = SaveArticleInput.safeParse({ articleId: "", title: "", dept: "", slug: "", tags: "", body: "", excerpt: "", intent: "publish", publishAt: "", tzOffset: "" });
    expect(parsed.success).toBe(false);
    expect(await db.article.count()).toBe(before);
  });
});
