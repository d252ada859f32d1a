// `tsx e2e/tasks/xss-sitewide-seed.ts <label>`: for security-xss-sitewide.spec.ts, puts each of the
// browser's stored-XSS payloads (BROWSER_XSS_PAYLOADS in tests/support/xss-payloads.ts; the whole
// corpus is tests/security/xss-corpus.test.ts's) into the fields an author and a member control,
// through the real schemas and mutations, in the database DATABASE_URL names. For payload i:
//   - a member (an author) whose name and bio are the payload, saved by updateProfile as
//     /settings saves them (a value the schema refuses, a name with a control character, is
//     noted and saved again without the control characters, as a person would after the error);
//   - an article by that member whose title, dept line, body, excerpt and one tag are the payload,
//     saved by createArticle as /write saves it, then dated 400 days back: it sits behind all the
//     demo content on the front page and changes nothing the other specs look at;
//   - a published comment on it (subject, body, and an anonymous name for odd i), rated far past
//     the badge thresholds in one of the weeks of that time (two insightful and two funny a
//     week: each week's /best is all ours);
//   - a comment hidden by community flags, as e2e/tasks/hide-comment.ts hides one, for /moderation.
// Prints what was stored, as JSON. Run through tsx: the generated Prisma clients are ES modules
// that Playwright's loader cannot import.
import type { Viewer } from "../../lib/auth/viewer";
import { createArticle } from "../../lib/articles/mutations";
import { ArticleInput, DEPT_MAX, EXCERPT_MAX, TAG_MAX, TITLE_MAX } from "../../lib/articles/schemas";
import { formatWeek, weekOf, weekStart } from "../../lib/best/weeks";
import { getDb } from "../../lib/db";
import { cleanText } from "../../lib/text";
import { updateProfile } from "../../lib/users/mutations";
import { UpdateProfileInput } from "../../lib/users/schemas";
import { BROWSER_XSS_PAYLOADS } from "../../tests/support/xss-payloads";
import { HIDING_WEIGHT, hidingFlags } from "./community-flags";
import { retryWhenBusy } from "./retry-when-busy";

const DAY = 24 * 3600_000;
const PER_WEEK = 4;

/** What the comment form keeps of a one-line field (lib/comments/schemas.ts does the same). */
const storedLine = (s: string, max: number) => cleanText(s.slice(0, max).replace(/[\r\n]/g, "")).trim();

export type SeededMember = { handle: string; name: string; bio: string; typedName: string; typedBio: string; refused: string[] };
export type SeededArticle = { slug: string; title: string; dept: string; excerpt: string; tags: { slug: string; name: string }[]; authorHandle: string; authorName: string };
export type SeededComment = { id: string; slug: string; subject: string; authorName: string; authorHandle: string | null; week?: string; kind?: "insightful" | "funny"; rank?: number };
export type Seeded = { members: SeededMember[]; articles: SeededArticle[]; best: SeededComment[]; hidden: SeededComment[]; weeks: string[] };

async function main() {
  const [label] = process.argv.slice(2);
  if (!label || !/^[a-z0-9]{1,12}$/.test(label)) throw new Error("usage: xss-sitewide-seed.ts <label: a-z0-9, up to 12>");
  const db = getDb();
  const now = Date.now();
  const seeded: Seeded = { members: [], articles: [], best: [], hidden: [], weeks: [] };

  for (const [i, payload] of BROWSER_XSS_PAYLOADS.entries()) {
    // The member: an author, named and described by the payload.
    const handle = `xs${label}-${i}`;
    const user = await db.user.create({ data: { email: `${handle}@example.test`, handle, name: `Member ${handle}`, role: "author" }, select: { id: true } });
    const viewer: Viewer = { id: user.id, handle, name: `Member ${handle}`, role: "author", isBanned: false, sessionId: "" };
    // An <input maxlength=60> keeps no line breaks; the bio is a <textarea maxlength=500>.
    const typedName = payload.replace(/[\r\n]/g, "").slice(0, 60);
    const typedBio = payload.slice(0, 500);
    let profile = UpdateProfileInput.safeParse({ name: typedName, handle, bio: typedBio });
    const refused = profile.success ? [] : [...new Set(profile.error.issues.map((issue) => String(issue.path[0])))];
    if (!profile.success) {
      profile = UpdateProfileInput.safeParse({
        name: refused.includes("name") ? typedName.replace(/[\u0000-\u001F\u007F]/g, "") : typedName,
        handle,
        bio: refused.includes("bio") ? typedBio.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, "") : typedBio,
      });
      if (!profile.success) throw new Error(`payload ${i}: profile refused twice: ${profile.error.message}`);
    }
    const chosen = profile.data;
    await retryWhenBusy(() => updateProfile(viewer, chosen));
    viewer.name = profile.data.name;
    seeded.members.push({ handle, name: profile.data.name, bio: profile.data.bio, typedName, typedBio, refused });

    // The article, through the write form's schema and the real mutation (inputs cut to the
    // form's maxlength). The tag carries the payload's number, so no two payloads share a tag.
    const article = ArticleInput.safeParse({
      title: payload.slice(0, TITLE_MAX),
      dept: payload.slice(0, DEPT_MAX),
      slug: `xss-${label}-${i}`,
      tags: `t${i} ${payload}`.slice(0, TAG_MAX),
      body: payload,
      excerpt: payload.slice(0, EXCERPT_MAX),
    });
    if (!article.success) throw new Error(`payload ${i}: article refused: ${article.error.message}`);
    const input = article.data;
    const saved = await retryWhenBusy(() => createArticle(viewer, input, { intent: "publish" }));
    const publishedAt = new Date(now - 400 * DAY - i * 60_000);
    const row = await db.article.update({
      where: { id: saved.id },
      data: { publishedAt, createdAt: publishedAt },
      select: { slug: true, title: true, dept: true, excerpt: true, tags: { select: { tag: { select: { slug: true, name: true } } } } },
    });
    seeded.articles.push({ slug: row.slug, title: row.title, dept: row.dept, excerpt: row.excerpt ?? "", tags: row.tags.map((t) => t.tag), authorHandle: handle, authorName: viewer.name });

    // Its comments: by the member for even i, anonymous (the payload as the name) for odd i.
    const anonName = storedLine(payload, 60) || null;
    const by = i % 2 === 0 ? { authorId: user.id } : { anonName, anonEmail: `anon.${handle}@example.test` };
    const authorName = i % 2 === 0 ? viewer.name : (anonName ?? "Anonymous Coward");
    const authorHandle = i % 2 === 0 ? handle : null;
    const subject = storedLine(payload, 120);
    const body = cleanText(payload, { multiline: true });
    const w = Math.floor(i / PER_WEEK);
    const k = i % PER_WEEK;
    const week = weekOf(new Date(now - 380 * DAY + w * 7 * DAY));
    const kind = k < PER_WEEK / 2 ? "insightful" : "funny";
    const count = 100 - k;
    const ids = await retryWhenBusy(() => db.$transaction(
      async (tx) => {
        const rated = await tx.comment.create({
          data: {
            articleId: saved.id, ...by, subject, body, createdAt: new Date(weekStart(week).getTime() + 12 * 3600_000 + k * 60_000),
            ...(kind === "insightful" ? { insightfulCount: count, insightfulWeight: count } : { funnyCount: count, funnyWeight: count }),
          },
          select: { id: true },
        });
        const hidden = await tx.comment.create({
          data: { articleId: saved.id, ...by, subject, body, createdAt: new Date(now - 390 * DAY + i * 60_000), status: "hidden", hiddenBy: "community", flagWeight: HIDING_WEIGHT },
          select: { id: true },
        });
        for (const id of [rated.id, hidden.id]) await tx.comment.update({ where: { id }, data: { rootId: id } });
        await tx.flag.createMany({ data: hidingFlags(hidden.id, "e2e-xss") });
        // Hidden comments stay in the article's count, as when they are posted and then hidden.
        await tx.article.update({ where: { id: saved.id }, data: { commentCount: { increment: 2 } } });
        return { rated: rated.id, hidden: hidden.id };
      },
      { maxWait: 30_000, timeout: 30_000 },
    ));
    const weekText = formatWeek(week);
    if (!seeded.weeks.includes(weekText)) seeded.weeks.push(weekText);
    seeded.best.push({ id: ids.rated, slug: row.slug, subject, authorName, authorHandle, week: weekText, kind, rank: k % (PER_WEEK / 2) });
    seeded.hidden.push({ id: ids.hidden, slug: row.slug, subject, authorName, authorHandle });
  }
  await db.$disconnect();
  console.log(JSON.stringify(seeded));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
