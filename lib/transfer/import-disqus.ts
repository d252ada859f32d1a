// A Disqus export (lib/transfer/disqus-reader.ts) into the discussions of articles already here
// (written here, or imported from WordPress first):
// - each thread is matched to an article by its link (the article's address here, or an old
//   address an import recorded) or by its identifier (WordPress's Disqus plugin writes the post's
//   number first); a thread that matches none is reported with the number of its posts;
// - posts keep their parents, dates and authors. A commenter whose email a member here has
//   becomes that member; anyone else keeps their name (and a link to their Disqus profile when
//   they had one). Deleted and spam posts are imported as removed, with the reason shown.
//
// HTML becomes Dept's Markdown and goes through the same limits as typed input. Ids are made from
// the Disqus forum and the Disqus ids, so a second or resumed run creates each comment once.
import { createHash } from "node:crypto";
import type { Db } from "../db";
import { BODY_MAX } from "../comments/limits";
import { htmlToMarkdown } from "./html-to-markdown";
import { looksLikeEmail, membersByEmail, oneLine, recountComments } from "./imported-fields";
import type { Problem } from "./import-dept";
import { legacyPathOf } from "./legacy-path";
import { readDisqus, type DisqusPost, type DisqusThread } from "./disqus-reader";

export type DisqusSummary = {
  created: Record<string, number>;
  existing: Record<string, number>;
  skipped: Record<string, number>;
  /** Threads matched to an article here. */
  matched: number;
  problems: Problem[];
  notes: Problem[];
};
type Options = { dryRun?: boolean; onProgress?: (items: number, bytes: number) => void };

const BATCH = 500;
const add = (counts: Record<string, number>, key: string, n = 1) => (counts[key] = (counts[key] ?? 0) + n);
const ARTICLE_PATH = /^\/articles\/([a-z0-9][a-z0-9-]{0,199})$/;

type Placed = { depth: number; rootId: string };
type Row = { id: string; articleId: string; parentId: string | null; rootId: string; depth: number; authorId: string | null; anonName: string | null; anonEmail: string | null; anonWebsite: string | null; body: string; status: "published" | "removed"; removedReason: string | null; createdAt: Date };

export async function importDisqusFile(db: Db, path: string, { dryRun = false, onProgress }: Options = {}): Promise<DisqusSummary> {
  const summary: DisqusSummary = { created: {}, existing: {}, skipped: {}, matched: 0, problems: [], notes: [] };
  const threads = new Map<string, string | null>(); // Disqus thread id → article id (null: no match)
  const unmatched = new Map<string, { thread: DisqusThread; posts: number }>();
  const placed = new Map<string, Placed>(); // Disqus post id → its place, once written or queued
  const waiting = new Map<string, DisqusPost[]>(); // parent's Disqus id → replies read before it
  const touched = new Set<string>();
  let prefix = "";
  let batch: Row[] = [];
  let items = 0;
  let bytes = 0;
  const memberWithEmail = membersByEmail(db);

  const idOf = (dsqId: string) => `${prefix}-c${dsqId}`;

  const articleFor = async (thread: DisqusThread): Promise<string | null> => {
    const url = legacyPathOf(thread.link);
    const own = url ? ARTICLE_PATH.exec(url) : null;
    if (own) {
      const article = await db.article.findUnique({ where: { slug: own[1] }, select: { id: true } });
      if (article) return article.id;
    }
    // WordPress's Disqus plugin: "<post number> <short link>".
    const postNumber = /^(\d+)\s/.exec(`${thread.identifier} `)?.[1];
    for (const key of [url, postNumber ? `/?p=${postNumber}` : null]) {
      if (!key) continue;
      const old = await db.articleLegacyUrl.findUnique({ where: { path: key }, select: { articleId: true } });
      if (old) return old.articleId;
    }
    return null;
  };

  const flush = async () => {
    if (batch.length === 0) return;
    const present = new Set((await db.comment.findMany({ where: { id: { in: batch.map((r) => r.id) } }, select: { id: true } })).map((c) => c.id));
    const fresh = batch.filter((r) => !present.has(r.id));
    add(summary.existing, "comment", batch.length - fresh.length);
    // Parents before replies: a batch is written in the order the posts were placed.
    if (!dryRun && fresh.length > 0) await db.comment.createMany({ data: fresh });
    add(summary.created, "comment", fresh.length);
    batch = [];
  };

  const where = (post: DisqusPost) => ({ line: post.line, type: "post", key: `post ${post.dsqId}` });

  /** Queues the post, and then any replies that were waiting for it. */
  const placePost = async (post: DisqusPost, articleId: string, parent: (Placed & { id: string }) | null): Promise<void> => {
    const id = idOf(post.dsqId);
    const converted = htmlToMarkdown(post.message);
    const body = converted.markdown;
    if (!body) {
      summary.problems.push({ ...where(post), reason: "empty after removing what cannot be shown" });
      return;
    }
    if (body.length > BODY_MAX) {
      summary.problems.push({ ...where(post), reason: `longer than ${BODY_MAX} characters` });
      return;
    }
    if (converted.removed.length > 0) summary.notes.push({ ...where(post), reason: `removed: ${converted.removed.join(", ")}` });
    const createdAt = new Date(post.createdAt);
    const email = post.author.email.trim().toLowerCase();
    const memberId = await memberWithEmail(email);
    const place = { depth: parent ? parent.depth + 1 : 0, rootId: parent ? parent.rootId : id };
    batch.push({
      id,
      articleId,
      parentId: parent?.id ?? null,
      rootId: place.rootId,
      depth: place.depth,
      authorId: memberId,
      anonName: memberId ? null : oneLine(post.author.name || post.author.username, 60) || null,
      anonEmail: memberId || !looksLikeEmail(email) ? null : email,
      anonWebsite: memberId || post.author.isAnonymous || !/^[\w-]{1,64}$/.test(post.author.username) ? null : `https://disqus.com/by/${post.author.username}/`,
      body,
      status: post.isSpam || post.isDeleted ? "removed" : "published",
      removedReason: post.isSpam ? "Marked as spam on the old site." : post.isDeleted ? "Deleted on the old site." : null,
      createdAt: Number.isNaN(createdAt.getTime()) ? new Date(0) : createdAt,
    });
    placed.set(post.dsqId, place);
    touched.add(articleId);
    if (batch.length >= BATCH) await flush();
    for (const reply of waiting.get(post.dsqId) ?? []) await placePost(reply, articleId, { ...place, id });
    waiting.delete(post.dsqId);
  };

  const importPost = async (post: DisqusPost) => {
    const articleId = threads.get(post.threadId);
    if (articleId === undefined) {
      summary.problems.push({ ...where(post), reason: `its thread ${post.threadId || "(none)"} is not in the file` });
      return;
    }
    if (articleId === null) {
      unmatched.get(post.threadId)!.posts++;
      return;
    }
    if (!post.parentId) return placePost(post, articleId, null);
    const parent = placed.get(post.parentId);
    if (parent) return placePost(post, articleId, { ...parent, id: idOf(post.parentId) });
    // Written by an earlier run of the same import?
    const earlier = await db.comment.findUnique({ where: { id: idOf(post.parentId) }, select: { depth: true, rootId: true } });
    if (earlier) return placePost(post, articleId, { depth: earlier.depth, rootId: earlier.rootId ?? idOf(post.parentId), id: idOf(post.parentId) });
    // Its parent comes later in the file (or never): it waits for it.
    waiting.set(post.parentId, [...(waiting.get(post.parentId) ?? []), post]);
  };

  for await (const record of readDisqus(path, (b) => (bytes = b))) {
    if (record.kind === "thread") {
      if (!prefix) prefix = `dq${createHash("sha256").update(record.forum || path).digest("hex").slice(0, 6)}`;
      const articleId = await articleFor(record);
      threads.set(record.dsqId, articleId);
      if (articleId) summary.matched++;
      else unmatched.set(record.dsqId, { thread: record, posts: 0 });
      continue;
    }
    items++;
    if (!prefix) prefix = `dq${createHash("sha256").update(path).digest("hex").slice(0, 6)}`;
    await importPost(record);
    onProgress?.(items, bytes);
  }
  // Replies whose parent never came (deleted from the export): they start threads of their own.
  for (const [parentId, replies] of waiting) {
    for (const reply of replies) {
      summary.notes.push({ ...where(reply), reason: `its parent post ${parentId} is not in the file: imported as a new thread` });
      await placePost(reply, threads.get(reply.threadId)!, null);
    }
  }
  await flush();
  for (const { thread, posts } of unmatched.values()) {
    if (posts > 0) summary.problems.push({ line: thread.line, type: "thread", key: thread.link || thread.identifier, reason: `matches no article here (by its link or identifier): its ${posts} post${posts === 1 ? "" : "s"} not imported` });
    else add(summary.skipped, "thread without posts or article");
  }
  if (!dryRun) await recountComments(db, touched);
  onProgress?.(items, bytes);
  summary.problems.sort((a, b) => a.line - b.line);
  return summary;
}
