// Loads Dept's demo content (prisma/demo) into an empty database, and wipes a database clean
// for `npm run db:reset`. The content is plain data; this file derives everything else from it
// (ids, timestamps relative to now, threads, vote/flag rows, the credit ledger) and checks that
// every counter it writes is backed by the rows it counts.
import { createHash } from "node:crypto";
import type { Db } from "../lib/db";
import type { Prisma } from "../lib/generated/sqlite/client";
import { excerptOf } from "../lib/markdown/render";
import { settingsChanged } from "../lib/settings/queries";
import {
  FLAGSHIP_SLUG,
  demoArticles,
  demoCreditGrants,
  demoSpotlights,
  demoTags,
  demoUsers,
  type DemoComment,
} from "./demo";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Flag weight at which the community hides a comment (the default setting). */
const COMMUNITY_HIDE_WEIGHT = 5;
// The demo's discussions are older than trust weights (lib/trust): like a site that upgraded,
// its flags and ratings keep the weights they had then (a visitor's flag 1, a member's 2, every
// rating 1), as the trust migration's backfill does.
const FLAG_WEIGHT = { visitor: 1, member: 2 } as const;

export type DemoData = {
  users: Prisma.UserCreateManyInput[];
  tags: Prisma.TagCreateManyInput[];
  articles: Prisma.ArticleCreateManyInput[];
  articleTags: Prisma.ArticleTagCreateManyInput[];
  /** Parents before their replies. */
  comments: Prisma.CommentCreateManyInput[];
  votes: Prisma.VoteCreateManyInput[];
  flags: Prisma.FlagCreateManyInput[];
  creditTransactions: Prisma.CreditTransactionCreateManyInput[];
  spotlights: Prisma.SpotlightCreateManyInput[];
};

/** A stable cuid-shaped id, so the same demo gets the same ids on every load. */
function demoId(...parts: string[]): string {
  return `c${createHash("sha256").update(["dept-demo", ...parts].join(":")).digest("hex").slice(0, 24)}`;
}

function fail(message: string): never {
  throw new Error(`demo content: ${message}`);
}

const stripRe = (subject: string) => subject.replace(/^(\s*re:\s*)+/i, "").trim();

/** Every row of the demo, with times relative to `now`. Throws if the content is inconsistent. */
export function buildDemoData(now: Date = new Date()): DemoData {
  const at = (ms: number) => new Date(Math.min(ms, now.getTime()));
  const nowMs = now.getTime();

  const userIds = new Map<string, string>();
  for (const u of demoUsers) {
    if (userIds.has(u.handle)) fail(`duplicate handle ${u.handle}`);
    userIds.set(u.handle, demoId("user", u.handle));
  }
  const userId = (handle: string) => userIds.get(handle) ?? fail(`unknown member ${handle}`);
  if (demoUsers.filter((u) => u.role === "admin").length !== 1) fail("there must be exactly one admin");

  const tagIds = new Map(demoTags.map((t) => [t.slug, demoId("tag", t.slug)]));
  const tags = demoTags.map((t) => ({ id: tagIds.get(t.slug)!, slug: t.slug, name: t.name }));

  // Members who rate comments: the regulars and the moderator (authors don't vote on their own site).
  const voterPool = demoUsers.filter((u) => u.role === "reader" || u.role === "moderator").map((u) => u.handle);

  const articles: DemoData["articles"] = [];
  const articleTags: DemoData["articleTags"] = [];
  const comments: DemoData["comments"] = [];
  const votes: DemoData["votes"] = [];
  const flags: DemoData["flags"] = [];
  const flagshipCommentIds = new Map<string, { id: string; createdAt: Date; status: string; parentId: string | null }>();
  let commentIndex = 0;
  let flagVisitor = 500;

  for (const a of demoArticles) {
    if (articles.some((x) => x.slug === a.slug)) fail(`duplicate slug ${a.slug}`);
    if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(a.dept)) fail(`dept of ${a.slug} must be hyphenated lowercase words`);
    if (a.tags.length < 2 || a.tags.length > 4) fail(`${a.slug} needs 2–4 tags`);
    const articleId = demoId("article", a.slug);
    const published = a.hoursAgo !== null;
    const publishedAt = published ? new Date(nowMs - a.hoursAgo! * HOUR) : null;
    const createdAt = publishedAt ? new Date(publishedAt.getTime() - 3 * HOUR) : new Date(nowMs - 2 * DAY);
    const revisedAt =
      publishedAt && a.revisedHoursAfter !== undefined ? at(publishedAt.getTime() + a.revisedHoursAfter * HOUR) : null;
    if (!published && a.comments.length > 0) fail(`draft ${a.slug} cannot have comments`);

    for (const slug of a.tags) {
      articleTags.push({ articleId, tagId: tagIds.get(slug) ?? fail(`unknown tag ${slug} on ${a.slug}`) });
    }

    // Comments, in the order given: every parent must come before its replies.
    const byKey = new Map<string, { id: string; rootId: string; depth: number; subject: string; createdAt: Date }>();
    let visible = 0;
    for (const c of a.comments as DemoComment[]) {
      if (byKey.has(c.key)) fail(`duplicate comment key ${c.key} on ${a.slug}`);
      const id = demoId("comment", a.slug, c.key);
      const createdAt = new Date(publishedAt!.getTime() + c.minutes * MINUTE);
      if (createdAt.getTime() > nowMs) fail(`comment ${c.key} on ${a.slug} would be in the future`);
      const parent = c.parent ? (byKey.get(c.parent) ?? fail(`comment ${c.key} replies to unknown/later ${c.parent}`)) : null;
      if (parent && parent.createdAt >= createdAt) fail(`comment ${c.key} is older than its parent`);
      const subject = c.subject ?? (parent && parent.subject ? `Re: ${stripRe(parent.subject)}` : "");
      if (!parent && /^\s*re:/i.test(subject)) fail(`top-level comment ${c.key} has a Re: subject`);
      if (c.author && (c.anonName || c.anonEmail)) fail(`member comment ${c.key} has anonymous fields`);
      const anonEmail = c.author ? null : (c.anonEmail ?? `anon-${c.key}@example.net`);
      if (anonEmail && !anonEmail.endsWith("@example.net")) fail(`anonymous email of ${c.key} must be @example.net`);
      const authorId = c.author ? userId(c.author) : null;

      // Flags: visitors weigh 1, members 2; enough weight hides the comment (the community did it).
      const flagRows = (c.flags ?? []).map((f, j) => {
        const member = f.member ? userId(f.member) : null;
        if (member && member === authorId) fail(`comment ${c.key} flagged by its own author`);
        return {
          id: demoId("flag", a.slug, c.key, String(j)),
          commentId: id,
          voterKey: member ? `u:${member}` : `v:demo-${flagVisitor++}`,
          voterKind: member ? ("member" as const) : ("visitor" as const),
          userId: member,
          reason: f.reason,
          weight: member ? FLAG_WEIGHT.member : FLAG_WEIGHT.visitor,
          trust: member ? "member" : "anonymous",
          createdAt: at(createdAt.getTime() + (j + 1) * 4 * MINUTE),
        };
      });
      const flagWeight = flagRows.reduce((sum, f) => sum + f.weight, 0);
      if (c.hidden && flagWeight < COMMUNITY_HIDE_WEIGHT) fail(`hidden comment ${c.key} lacks the flag weight`);
      if (!c.hidden && flagWeight >= COMMUNITY_HIDE_WEIGHT) fail(`comment ${c.key} has enough flags to be hidden`);
      flags.push(...flagRows);

      // Ratings: about half from members (never the comment's author), the rest from visitors.
      const voteRows: DemoData["votes"] = [];
      for (const kind of ["insightful", "funny"] as const) {
        const n = (kind === "insightful" ? c.insightful : c.funny) ?? 0;
        const members = [...voterPool.slice(commentIndex % voterPool.length), ...voterPool.slice(0, commentIndex % voterPool.length)]
          .filter((h) => h !== c.author)
          .slice(0, Math.floor(n / 2));
        const keys = [
          ...members.map((h) => ({ voterKey: `u:${userId(h)}`, userId: userId(h) as string | null })),
          ...Array.from({ length: n - members.length }, (_, j) => ({
            voterKey: `v:demo-${((commentIndex * 17) % 80) + j + 1}`,
            userId: null as string | null,
          })),
        ];
        keys.forEach((k, j) =>
          voteRows.push({
            id: demoId("vote", a.slug, c.key, kind, k.voterKey),
            commentId: id,
            kind,
            voterKey: k.voterKey,
            userId: k.userId,
            trust: k.userId ? "member" : "anonymous",
            weight: 1,
            createdAt: at(createdAt.getTime() + (j + 1) * 6 * MINUTE),
          }),
        );
      }
      votes.push(...voteRows);

      const rootId = parent ? parent.rootId : id;
      const depth = parent ? parent.depth + 1 : 0;
      const status = c.hidden ? ("hidden" as const) : ("published" as const);
      comments.push({
        id,
        articleId,
        parentId: parent ? parent.id : null,
        rootId,
        depth,
        authorId,
        anonName: c.author ? null : (c.anonName ?? null),
        anonEmail,
        subject,
        body: c.body,
        status,
        createdAt,
        insightfulCount: c.insightful ?? 0,
        funnyCount: c.funny ?? 0,
        insightfulWeight: c.insightful ?? 0,
        funnyWeight: c.funny ?? 0,
        flagWeight,
        hiddenBy: c.hidden ? "community" : null,
      });
      byKey.set(c.key, { id, rootId, depth, subject, createdAt });
      if (a.slug === FLAGSHIP_SLUG) flagshipCommentIds.set(c.key, { id, createdAt, status, parentId: parent?.id ?? null });
      if (status === "published" || status === "hidden") visible++;
      commentIndex++;
    }

    articles.push({
      id: articleId,
      slug: a.slug,
      title: a.title,
      dept: a.dept,
      body: a.body,
      excerpt: excerptOf(a.body),
      status: published ? "published" : "draft",
      publishedAt,
      authorId: userId(a.author),
      commentCount: visible,
      createdAt,
      updatedAt: revisedAt ?? publishedAt ?? createdAt,
      revisedAt,
    });
  }

  const flagship = articles.find((x) => x.slug === FLAGSHIP_SLUG) ?? fail(`flagship ${FLAGSHIP_SLUG} missing`);

  // The credit ledger: admin grants, then the spending on the flagship's First and Last Word.
  const creditTransactions: DemoData["creditTransactions"] = demoCreditGrants.map((g) => ({
    id: demoId("credit", "grant", g.handle),
    userId: userId(g.handle),
    delta: g.delta,
    reason: g.reason,
    actorId: userId(g.actor),
    createdAt: new Date(nowMs - g.daysAgo * DAY),
  }));
  const spotlights: DemoData["spotlights"] = [];
  const kinds = new Set<string>();
  for (const s of demoSpotlights) {
    if (kinds.has(s.kind)) fail(`two ${s.kind} spotlights`);
    kinds.add(s.kind);
    const comment = flagshipCommentIds.get(s.comment) ?? fail(`spotlight on unknown comment ${s.comment}`);
    if (comment.status !== "published") fail(`spotlight on a comment that is not visible: ${s.comment}`);
    const spentAt = at(comment.createdAt.getTime() + 2 * MINUTE);
    const spender = userId(s.by);
    creditTransactions.push({
      id: demoId("credit", s.kind, s.by),
      userId: spender,
      delta: -s.cost,
      reason: `${s.kind === "first" ? "First Word" : "Last Word"} on ${flagship.title}`,
      actorId: spender,
      createdAt: spentAt,
    });
    spotlights.push({
      id: demoId("spotlight", s.kind),
      articleId: flagship.id!,
      kind: s.kind,
      commentId: comment.id,
      userId: spender,
      cost: s.cost,
      createdAt: spentAt,
    });
  }
  if (new Set(spotlights.map((s) => s.commentId)).size !== spotlights.length) fail("spotlights must be on different comments");

  // Balances: the sum of each member's ledger, never below zero along the way.
  const credits = new Map<string, number>();
  for (const t of [...creditTransactions].sort((x, y) => +new Date(x.createdAt!) - +new Date(y.createdAt!))) {
    const balance = (credits.get(t.userId) ?? 0) + t.delta;
    if (balance < 0) fail(`credit balance of ${t.userId} would go below zero`);
    credits.set(t.userId, balance);
  }

  const users: DemoData["users"] = demoUsers.map((u) => {
    const id = userId(u.handle);
    const createdAt = new Date(nowMs - u.joinedDaysAgo * DAY);
    return {
      id,
      email: u.email.toLowerCase(),
      handle: u.handle,
      name: u.name,
      passwordHash: null,
      role: u.role,
      bio: u.bio,
      credits: credits.get(id) ?? 0,
      emailVerifiedAt: createdAt,
      createdAt,
      updatedAt: createdAt,
    };
  });
  return { users, tags, articles, articleTags, comments, votes, flags, creditTransactions, spotlights };
}

async function isEmpty(client: Pick<Db, "user" | "article">): Promise<boolean> {
  const [users, articles] = await Promise.all([client.user.count(), client.article.count()]);
  return users === 0 && articles === 0;
}

/**
 * Loads the demo into a database with no users and no articles, in one transaction. Anything
 * else is left alone ({ seeded: false }), so running it again never duplicates anything.
 */
export async function seedDemo(db: Db, options: { now?: Date } = {}): Promise<{ seeded: boolean }> {
  if (!(await isEmpty(db))) return { seeded: false };
  const data = buildDemoData(options.now ?? new Date());
  try {
    return await db.$transaction(
      async (tx) => {
        // Checked again inside the transaction: another process may have seeded meanwhile.
        if (!(await isEmpty(tx))) return { seeded: false };
        await tx.user.createMany({ data: data.users });
        await tx.tag.createMany({ data: data.tags });
        await tx.article.createMany({ data: data.articles });
        await tx.articleTag.createMany({ data: data.articleTags });
        await tx.comment.createMany({ data: data.comments });
        await tx.vote.createMany({ data: data.votes });
        await tx.flag.createMany({ data: data.flags });
        await tx.creditTransaction.createMany({ data: data.creditTransactions });
        await tx.spotlight.createMany({ data: data.spotlights });
        return { seeded: true };
      },
      { timeout: 60_000, maxWait: 15_000 },
    );
  } catch (error) {
    // A concurrent seeder may have won the race (a unique violation on PostgreSQL, a lock
    // timeout on SQLite): ours was rolled back, and its content shows up once it commits.
    const contention = ["P2002", "P1008", "P2034"].includes(String((error as { code?: unknown } | null)?.code));
    for (let wait = 0; wait < (contention ? 20 : 1); wait++) {
      if (!(await isEmpty(db))) return { seeded: false };
      if (contention) await new Promise((resolve) => setTimeout(resolve, 500));
    }
    throw error;
  }
}

/** Deletes every row of every model (tables stay), children before parents. */
export async function wipeDatabase(db: Db): Promise<void> {
  await db.$transaction([
    db.newsletterDelivery.deleteMany(),
    db.newsletterIssue.deleteMany(),
    db.newsletterSubscriber.deleteMany(),
    db.rateLimitSlot.deleteMany(),
    db.setting.deleteMany(),
    db.visitorBan.deleteMany(),
    db.moderationEvent.deleteMany(),
    db.spotlight.deleteMany(),
    db.creditTransaction.deleteMany(),
    db.flag.deleteMany(),
    db.vote.deleteMany(),
    // Replies first is not needed: deleting a comment cascades to its replies, and this
    // deletes them all in one statement.
    db.comment.deleteMany(),
    db.articleRedirect.deleteMany(),
    db.articleTag.deleteMany(),
    db.tag.deleteMany(),
    db.article.deleteMany(),
    db.session.deleteMany(),
    db.account.deleteMany(),
    db.user.deleteMany(),
  ]);
  // The Setting rows went too: this process reads them again, running instances too with Redis.
  await settingsChanged();
}
