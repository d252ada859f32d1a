// The benchmark's own content: three articles whose discussions have 34, 500 and 5,000 comments,
// threads up to 6 deep, bodies of realistic length (some quoting their parent), posted by members
// and anonymous cowards. Generated from a fixed seed, so every run measures the same pages.
import { randomBytes } from "node:crypto";
import type { Db } from "../../lib/db";

export type BenchArticle = { id: string; slug: string; title: string; comments: number };

const SIZES = [34, 500, 5000] as const;

// A small deterministic generator (mulberry32): the same threads on every run.
function random(seed: number) {
  let a = seed;
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS =
  "the notice claims a license covers every recording made outdoors which would include most of the internet and a fair number of weddings lawyers will say this is settled but nobody settled it with the birds fair use exists for exactly this reason and the platform knows it yet the automated system keeps matching anything with a chirp in the background so creators lose revenue while the claimant collects"
    .split(" ");

function sentence(next: () => number, words: number): string {
  const out: string[] = [];
  for (let i = 0; i < words; i++) out.push(WORDS[Math.floor(next() * WORDS.length)]);
  const s = out.join(" ");
  return `${s[0].toUpperCase()}${s.slice(1)}.`;
}

function body(next: () => number, quoted: string | null): string {
  // Comment lengths vary a lot: mostly a few sentences, sometimes several paragraphs.
  const paragraphs = 1 + Math.floor(next() * next() * 4);
  const parts = Array.from({ length: paragraphs }, () => Array.from({ length: 1 + Math.floor(next() * 4) }, () => sentence(next, 8 + Math.floor(next() * 18))).join(" "));
  if (quoted && next() < 0.3) parts.unshift(`> ${quoted.split("\n")[0].slice(0, 160)}`);
  if (next() < 0.15) parts.push("See [the filing](https://example.com/filing) for the *actual* wording.");
  return parts.join("\n\n");
}

export async function createBenchArticles(db: Db): Promise<BenchArticle[]> {
  const author = await db.user.findFirstOrThrow({ where: { role: { in: ["author", "admin"] } }, select: { id: true } });
  const members = (await db.user.findMany({ where: { deletedAt: null }, select: { id: true }, take: 20 })).map((u) => u.id);
  const articles: BenchArticle[] = [];
  for (const size of SIZES) {
    const next = random(size);
    const slug = `bench-discussion-${size}`;
    const title = `Benchmark discussion with ${size} comments`;
    const article = await db.article.create({
      data: {
        slug,
        title,
        dept: "load-testing",
        body: Array.from({ length: 6 }, () => Array.from({ length: 4 }, () => sentence(next, 14)).join(" ")).join("\n\n"),
        status: "published",
        publishedAt: new Date(Date.now() - 3600_000),
        authorId: author.id,
        commentCount: size,
      },
      select: { id: true },
    });
    type Row = { id: string; articleId: string; parentId: string | null; rootId: string; depth: number; authorId: string | null; anonName: string | null; anonEmail: string | null; subject: string; body: string; createdAt: Date; insightfulCount: number; funnyCount: number; insightfulWeight?: number; funnyWeight?: number };
    const rows: Row[] = [];
    const start = Date.now() - size * 60_000;
    for (let i = 0; i < size; i++) {
      // Replies pick a recent comment as parent, so threads run deep; a third start new threads.
      const parent = i > 0 && next() > 0.33 ? rows[Math.max(0, i - 1 - Math.floor(next() * 12))] : null;
      const useParent = parent && parent.depth < 6 ? parent : null;
      const id = `bench${size}x${i.toString(36)}${randomBytes(3).toString("hex")}`;
      const anonymous = next() < 0.35;
      const text = body(next, useParent?.body ?? null);
      rows.push({
        id,
        articleId: article.id,
        parentId: useParent?.id ?? null,
        rootId: useParent ? useParent.rootId : id,
        depth: useParent ? useParent.depth + 1 : 0,
        authorId: anonymous ? null : members[Math.floor(next() * members.length)],
        anonName: anonymous && next() < 0.5 ? "Bench Poster" : null,
        anonEmail: anonymous ? "bench@example.test" : null,
        subject: useParent ? "" : sentence(next, 4).slice(0, -1),
        body: text,
        createdAt: new Date(start + i * 60_000),
        insightfulCount: next() < 0.05 ? 6 : Math.floor(next() * 3),
        funnyCount: next() < 0.03 ? 6 : Math.floor(next() * 2),
      });
      const row = rows[rows.length - 1];
      // As if every rating came from a trusted member: the badges the page shows cost the same.
      Object.assign(row, { insightfulWeight: row.insightfulCount, funnyWeight: row.funnyCount });
    }
    for (let i = 0; i < rows.length; i += 500) await db.comment.createMany({ data: rows.slice(i, i + 500) });
    articles.push({ id: article.id, slug, title, comments: size });
  }
  return articles;
}
