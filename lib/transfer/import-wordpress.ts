// A WordPress export (WXR, lib/transfer/wxr-reader.ts) into Dept:
// - authors → members with the author role and no password (they use "Forgot your password?"),
//   or the member who already has that email;
// - categories and tags → tags (matched by slug, then by name);
// - posts → articles: published, scheduled ("future"), drafts; a private post becomes a draft
//   and a trashed one is left out, each with a line in the report; pages, attachments and
//   menu items are counted and skipped;
// - comments with their threads, dates and states (approved → published, 0 → pending, spam and
//   trash → removed with the reason), registered commenters matched to members by email,
//   anonymous ones kept with name, email and website; pingbacks and trackbacks are skipped.
//
// HTML becomes Dept's Markdown (lib/transfer/html-to-markdown.ts) and goes through the same
// limits as typed input. Every row gets an id made from the WordPress site and the WordPress id,
// so importing the same file twice, or again after a stop, creates each row once.
import { createHash } from "node:crypto";
import type { Db } from "../db";
import { BODY_MAX as ARTICLE_BODY_MAX, DEPT_MAX, EXCERPT_MAX, TAG_MAX, TAGS_MAX, TITLE_MAX } from "../articles/limits";
import { SLUG_MAX, nextFreeSlug, slugFromTitle, slugify } from "../articles/slug";
import { BODY_MAX as COMMENT_BODY_MAX } from "../comments/limits";
import { htmlToMarkdown } from "./html-to-markdown";
import { looksLikeEmail, membersByEmail, oneLine, recountComments } from "./imported-fields";
import { placeInThreads } from "./thread-placement";
import { STATES, decode, handleFrom, isPlaceholder, oldAddressesOf, plainText, safeWebsite, wpDate } from "./wordpress-fields";
import type { Problem } from "./import-dept";
import { readWxr, type WxrAuthor, type WxrComment, type WxrItem, type WxrTerm } from "./wxr-reader";

export type WordpressSummary = {
  created: Record<string, number>;
  existing: Record<string, number>;
  skipped: Record<string, number>;
  /** Records that could not be imported. */
  problems: Problem[];
  /** Imported, but not exactly as they were (a private post as a draft, a script removed). */
  notes: Problem[];
};

type Options = { dryRun?: boolean; onProgress?: (items: number, bytes: number) => void };

const add = (counts: Record<string, number>, key: string, n = 1) => (counts[key] = (counts[key] ?? 0) + n);

export async function importWordpressFile(db: Db, path: string, { dryRun = false, onProgress }: Options = {}): Promise<WordpressSummary> {
  const summary: WordpressSummary = { created: {}, existing: {}, skipped: {}, problems: [], notes: [] };
  let prefix = "wp";
  // When the members it creates joined: the day of the export, so a run again gives the same rows.
  let exportedAt = new Date();
  const authors = new Map<string, string>(); // WordPress login → member id
  const authorsByWpId = new Map<string, string>(); // WordPress user id → member id
  const terms = new Map<string, string>(); // "category/slug" → tag id
  const touched = new Set<string>();
  const handles = new Set((await db.user.findMany({ select: { handle: true } })).map((u) => u.handle));
  let items = 0;
  let bytes = 0;
  const memberWithEmail = membersByEmail(db);

  const memberFor = async (author: Pick<WxrAuthor, "id" | "login" | "email" | "displayName">, line: number): Promise<string> => {
    const email = author.email.trim().toLowerCase();
    // Not through memberWithEmail: its remembered "no one" would outlive the member made below.
    if (email) {
      const known = await db.user.findUnique({ where: { email }, select: { id: true } });
      if (known) {
        add(summary.existing, "member");
        return known.id;
      }
    }
    const id = `${prefix}-u${author.id || slugify(author.login)}`;
    if (await db.user.findUnique({ where: { id }, select: { id: true } })) {
      add(summary.existing, "member");
      return id;
    }
    if (!email || !looksLikeEmail(email)) summary.notes.push({ line, type: "author", key: author.login, reason: "no usable email address: given one at wordpress.invalid; set a real one before they can reset their password" });
    const data = {
      id,
      email: email && looksLikeEmail(email) ? email : `${slugify(author.login) || id}@wordpress.invalid`,
      handle: handleFrom(author.login, handles),
      name: oneLine(author.displayName || author.login, 60) || author.login,
      role: "author" as const,
      createdAt: exportedAt,
      updatedAt: exportedAt,
    };
    if (!dryRun) await db.user.create({ data });
    add(summary.created, "member");
    return id;
  };

  const tagFor = async (term: Pick<WxrTerm, "id" | "slug" | "name">, taxonomy: string, line: number): Promise<string | null> => {
    const known = terms.get(`${taxonomy}/${term.slug}`);
    if (known) return known;
    const name = oneLine(decode(term.name), TAG_MAX);
    const slug = slugify(decode(term.slug), SLUG_MAX) || slugify(name, SLUG_MAX);
    if (!slug || !name) {
      summary.problems.push({ line, type: "tag", key: term.slug, reason: "no usable name or slug" });
      return null;
    }
    if (term.name.trim().length > TAG_MAX) summary.notes.push({ line, type: "tag", key: term.slug, reason: `name cut to ${TAG_MAX} characters` });
    const existing = await db.tag.findFirst({ where: { OR: [{ slug }, { name }] }, select: { id: true } });
    let id = existing?.id;
    if (id) add(summary.existing, "tag");
    else {
      id = `${prefix}-t${term.id || slug}`;
      if (!dryRun) await db.tag.create({ data: { id, slug, name } });
      add(summary.created, "tag");
    }
    terms.set(`${taxonomy}/${term.slug}`, id);
    return id;
  };

  const importItem = async (item: WxrItem) => {
    if (item.type !== "post") {
      add(summary.skipped, item.type || "item without a type");
      return;
    }
    const key = `post ${item.postId}`;
    if (item.status === "trash" || item.status === "inherit" || item.status === "auto-draft") {
      add(summary.skipped, `post (${item.status})`);
      if (item.status === "trash") summary.notes.push({ line: item.line, type: "post", key, reason: "in the trash on the old site: not imported" });
      return;
    }
    const id = `${prefix}-p${item.postId}`;
    const converted = htmlToMarkdown(item.content);
    if (converted.markdown.length > ARTICLE_BODY_MAX) {
      summary.problems.push({ line: item.line, type: "post", key, reason: `body longer than ${ARTICLE_BODY_MAX} characters after conversion` });
      return;
    }
    if (converted.removed.length > 0) summary.notes.push({ line: item.line, type: "post", key, reason: `removed from the body: ${converted.removed.join(", ")}` });
    const existing = await db.article.findUnique({ where: { id }, select: { id: true } });
    if (existing) add(summary.existing, "article");
    else {
      const date = wpDate(item.postDateGmt, item.postDate);
      const published = item.status === "publish" || item.status === "future";
      if (item.status === "private") summary.notes.push({ line: item.line, type: "post", key, reason: "private on the old site: imported as a draft" });
      if (item.password) summary.notes.push({ line: item.line, type: "post", key, reason: "password-protected on the old site: imported as a draft" });
      const title = oneLine(decode(item.title), TITLE_MAX) || "(untitled)";
      if (item.title.trim().length > TITLE_MAX) summary.notes.push({ line: item.line, type: "post", key, reason: `title cut to ${TITLE_MAX} characters` });
      const wanted = slugify(decode(item.name), SLUG_MAX) || slugFromTitle(title);
      const taken = new Set((await db.article.findMany({ where: { slug: { startsWith: wanted.slice(0, 60) } }, select: { slug: true } })).map((a) => a.slug));
      const slug = nextFreeSlug(wanted, taken);
      const categories = item.terms.filter((t) => t.taxonomy === "category" && !isPlaceholder(t));
      const tagIds: string[] = [];
      for (const term of item.terms.filter((t) => (t.taxonomy === "category" || t.taxonomy === "post_tag") && !isPlaceholder(t))) {
        const tagId = await tagFor({ id: "", slug: term.slug, name: term.name }, term.taxonomy, item.line);
        if (tagId && !tagIds.includes(tagId)) tagIds.push(tagId);
      }
      if (tagIds.length > TAGS_MAX) summary.notes.push({ line: item.line, type: "post", key, reason: `only the first ${TAGS_MAX} of its ${tagIds.length} categories and tags kept` });
      let authorId = authors.get(item.creator);
      if (!authorId) {
        authorId = await memberFor({ id: "", login: item.creator || "wordpress", email: "", displayName: item.creator || "WordPress" }, item.line);
        authors.set(item.creator, authorId);
      }
      const excerpt = plainText(item.excerpt).replace(/\s+/g, " ").trim();
      const data = {
        id,
        slug,
        title,
        dept: oneLine(categories[0]?.name ? decode(categories[0].name).toLowerCase() : "archive", DEPT_MAX) || "archive",
        body: converted.markdown,
        excerpt: excerpt ? excerpt.slice(0, EXCERPT_MAX) : null,
        status: published && !item.password ? ("published" as const) : ("draft" as const),
        publishedAt: published && !item.password ? date : null,
        authorId,
        createdAt: date ?? new Date(0),
        updatedAt: wpDate(item.modifiedGmt) ?? date ?? new Date(0),
      };
      // Its old addresses lead here, except those that are the site's own paths.
      const { answerable: paths, own } = oldAddressesOf(item, slug);
      for (const path of own) summary.notes.push({ line: item.line, type: "post", key, reason: `old address ${path} is one of this site's own addresses: it cannot lead here` });
      const claimed = new Set((await db.articleLegacyUrl.findMany({ where: { path: { in: paths } }, select: { path: true } })).map((u) => u.path));
      for (const path of claimed) summary.notes.push({ line: item.line, type: "post", key, reason: `old address ${path} already leads to another article` });
      const legacy = paths.filter((path) => !claimed.has(path)).map((path) => ({ path, articleId: id, createdAt: exportedAt }));
      if (!dryRun) {
        await db.$transaction(async (tx) => {
          await tx.article.create({ data });
          if (tagIds.length > 0) await tx.articleTag.createMany({ data: tagIds.slice(0, TAGS_MAX).map((tagId) => ({ articleId: id, tagId })) });
          if (legacy.length > 0) await tx.articleLegacyUrl.createMany({ data: legacy });
        });
      }
      add(summary.created, "article");
    }
    await importComments(item, id);
  };

  const importComments = async (item: WxrItem, articleId: string) => {
    const byId = new Map<string, WxrComment>();
    for (const comment of item.comments) {
      if (comment.type && comment.type !== "comment") {
        add(summary.skipped, comment.type);
        continue;
      }
      byId.set(comment.id, comment);
    }
    const kept = new Map<string, string>(); // WordPress id → Markdown body
    for (const comment of byId.values()) {
      const converted = htmlToMarkdown(comment.content);
      const body = converted.markdown;
      const where = { line: item.line, type: "comment", key: `comment ${comment.id} on post ${item.postId}` };
      if (!body) summary.problems.push({ ...where, reason: "empty after removing what cannot be shown" });
      else if (body.length > COMMENT_BODY_MAX) summary.problems.push({ ...where, reason: `longer than ${COMMENT_BODY_MAX} characters` });
      else {
        if (converted.removed.length > 0) summary.notes.push({ ...where, reason: `removed: ${converted.removed.join(", ")}` });
        kept.set(comment.id, body);
      }
    }
    const placements = placeInThreads(new Map([...byId.values()].map((c) => [c.id, c.parent])), new Set(kept.keys()));
    const dept = (wpId: string) => `${prefix}-c${wpId}`;
    const ordered = [...placements].map(([wpId, placement]) => ({ wp: byId.get(wpId)!, body: kept.get(wpId)!, ...placement }));
    ordered.sort((a, b) => a.depth - b.depth || Number(a.wp.id) - Number(b.wp.id));
    const present = new Set(
      (await db.comment.findMany({ where: { articleId }, select: { id: true } })).map((c) => c.id),
    );
    const rows = [];
    for (const { wp, body, parent, root, depth } of ordered) {
      const id = dept(wp.id);
      if (present.has(id)) {
        add(summary.existing, "comment");
        continue;
      }
      const state = STATES[wp.approved] ?? STATES["0"];
      if (!STATES[wp.approved]) summary.notes.push({ line: item.line, type: "comment", key: `comment ${wp.id} on post ${item.postId}`, reason: `unknown approval state "${wp.approved}": held for moderation` });
      const email = wp.authorEmail.trim().toLowerCase();
      const member = (wp.userId && wp.userId !== "0" ? authorsByWpId.get(wp.userId) : undefined) ?? (await memberWithEmail(email));
      rows.push({
        id,
        articleId,
        parentId: parent ? dept(parent) : null,
        rootId: dept(root),
        depth,
        authorId: member ?? null,
        anonName: member ? null : oneLine(wp.author, 60) || null,
        anonEmail: member ? null : looksLikeEmail(email) ? email : null,
        anonWebsite: member ? null : safeWebsite(wp.authorUrl),
        body,
        status: state.status,
        removedReason: state.reason ?? null,
        createdAt: wpDate(wp.dateGmt, wp.date) ?? new Date(0),
      });
    }
    // Counted again at the end even when every comment was already there: a run stopped
    // before its counts were written leaves them to the next run.
    if (kept.size > 0) touched.add(articleId);
    if (rows.length === 0) return;
    if (!dryRun) {
      // Parents first (ordered by depth): a batch never points at a comment not yet written.
      for (let i = 0; i < rows.length; i += 500) await db.comment.createMany({ data: rows.slice(i, i + 500) });
    }
    add(summary.created, "comment", rows.length);
  };

  for await (const record of readWxr(path, (b) => (bytes = b))) {
    if (record.kind === "site") {
      const site = record.baseBlogUrl || record.baseSiteUrl || record.link;
      prefix = `wp${createHash("sha256").update(site).digest("hex").slice(0, 6)}`;
      const date = new Date(record.pubDate);
      if (!Number.isNaN(date.getTime())) exportedAt = date;
    } else if (record.kind === "author") {
      const id = await memberFor(record, 0);
      authors.set(record.login, id);
      if (record.id) authorsByWpId.set(record.id, id);
    } else if (record.kind === "term") {
      if (!isPlaceholder(record)) await tagFor(record, record.taxonomy, 0);
    } else {
      items++;
      try {
        await importItem(record);
      } catch (error) {
        summary.problems.push({ line: record.line, type: record.type, key: `${record.type} ${record.postId}`, reason: (error as Error).message.split("\n").filter(Boolean).at(-1) ?? "refused" });
      }
      onProgress?.(items, bytes);
    }
  }
  // The counts the pages show, from the rows.
  if (!dryRun) await recountComments(db, touched);
  onProgress?.(items, bytes);
  summary.problems.sort((a, b) => a.line - b.line);
  return summary;
}
