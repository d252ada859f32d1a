// A scheduled article appears on its own at its time T, on an injected clock instead of a wait:
// a moment before T it is nowhere (its page, the front page, its tag, the feed, the sitemap), at T
// it is everywhere; and a 404 cached for its address before T is never served after it
// (lib/articles/reveal.ts). The browser part, scheduling through the form and the scheduled
// state, is e2e/authoring.spec.ts.
import { randomBytes } from "node:crypto";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { getDb } from "../db";
import { buildSiteFeed } from "../feeds/site-feeds";
import { registerUser } from "../users/mutations";
import { explainMissingArticle } from "./lookup";
import { getArticle, getNextPublicationAt, listArticleSlugs, listArticlesByTag, listLatestArticles, listTagsInUse } from "./queries";
import { expireNotFoundAt, holdNotFoundUntil } from "./reveal";

const cache = vi.hoisted(() => ({
  held: [] as { keyParts: string[]; tags: string[]; revalidate: number }[],
  expired: [] as { tag: string; expire: number }[],
}));
// vi.mock is hoisted above the imports: reveal.ts sees these.
vi.mock("next/cache", () => ({
  revalidatePath: () => {},
  updateTag: () => {},
  revalidateTag: (tag: string, profile: { expire: number }) => void cache.expired.push({ tag, expire: profile.expire }),
  unstable_cache: <T>(fn: T, keyParts: string[], options: { tags: string[]; revalidate: number }) => {
    cache.held.push({ keyParts, tags: options.tags, revalidate: options.revalidate });
    return fn;
  },
}));


const unique = () => randomBytes(5).toString("hex");

describe("the cached 404 of a scheduled article's address", () => {
  beforeEach(() => {
    cache.held.length = 0;
    cache.expired.length = 0;
  });

  it("is tagged when rendered and expired by the save at T plus a second, however close to T the save comes", () => {
    const at = new Date(Math.ceil(Date.now() / 1000) * 1000 + 3600_000);
    for (const before of [20_000, 1_500, 999, 1]) {
      cache.expired.length = 0;
      const now = at.getTime() - before;
      expireNotFoundAt("ink", at, now);
      const [{ tag, expire }] = cache.expired;
      expect(tag).toBe("article-reveal:ink");
      // Never early: the expiry falls after T, and at most two seconds after it.
      expect(now + expire * 1000).toBeGreaterThan(at.getTime());
      expect(now + expire * 1000).toBeLessThanOrEqual(at.getTime() + 2000);
    }
  });

  it("revalidates a minute after T by itself (a restarted server forgets the expiry), never later than the page's hour", async () => {
    const at = new Date(Math.ceil(Date.now() / 1000) * 1000 + 20_000);
    await holdNotFoundUntil("ink", at, at.getTime() - 20_000);
    expect(cache.held).toEqual([{ keyParts: ["article-reveal", "ink"], tags: ["article-reveal:ink"], revalidate: 80 }]);
    await holdNotFoundUntil("ink", at, at.getTime() - 5 * 3600_000);
    expect(cache.held[1].revalidate).toBe(3600);
    // Rendered just after T (the page's own query ran a moment before): at once.
    await holdNotFoundUntil("ink", at, at.getTime() + 120_000);
    expect(cache.held[2].revalidate).toBe(1);
    // The tag the save expires is the one the 404 carries.
    expireNotFoundAt("ink", at, at.getTime() - 20_000);
    expect(cache.expired[0].tag).toBe(cache.held[0].tags[0]);
  });
});

describe("a scheduled article at its time", () => {
  const suffix = unique();
  const slug = `ink-is-the-new-oil-${suffix}`;
  const tagSlug = `ink-${suffix}`;
  const title = `Ink is the new oil ${suffix}`;
  // Ahead of every other article in this database, so it heads the front page and the feed at T.
  const at = new Date(Math.ceil(Date.now() / 1000) * 1000 + 20 * 60_000);
  const justBefore = new Date(at.getTime() - 1);

  beforeAll(async () => {
    const author = await registerUser({ name: "Author", email: `r-${suffix}@example.com`, password: "correct horse battery", role: "author" });
    await getDb().article.create({
      data: {
        slug,
        title,
        dept: "crude-analogies",
        body: "Printer cartridges are *really* expensive.",
        status: "published",
        publishedAt: at,
        authorId: author.id,
        tags: { create: [{ tag: { create: { slug: tagSlug, name: `Ink ${suffix}` } } }] },
      },
    });
  });

  async function everywhere(now: Date) {
    const [page, front, tag, feed, sitemap, tags] = await Promise.all([
      getArticle(slug, now),
      listLatestArticles(1, now),
      listArticlesByTag(tagSlug, 1, now),
      buildSiteFeed(now),
      listArticleSlugs(now),
      listTagsInUse(now),
    ]);
    return {
      page: page?.title ?? null,
      front: front.items.some((a) => a.slug === slug),
      tag: tag!.articles.items.some((a) => a.slug === slug),
      feed: feed.includes(`<title>${title}</title>`),
      sitemap: sitemap.some((a) => a.slug === slug),
      tagInSitemap: tags.some((t) => t.slug === tagSlug),
    };
  }

  it("is nowhere a moment before T, and its address answers 404 held until T", async () => {
    expect(await everywhere(justBefore)).toEqual({ page: null, front: false, tag: false, feed: false, sitemap: false, tagInSitemap: false });
    expect(await explainMissingArticle(slug, justBefore)).toEqual({ scheduledFor: at });
  });

  it("is the next publication the lists wait for until T, and no longer at T", async () => {
    expect(await getNextPublicationAt(justBefore)).toEqual(at);
    expect((await getNextPublicationAt(at))?.getTime() ?? Infinity).toBeGreaterThan(at.getTime());
  });

  it("is everywhere at T, with no one doing anything", async () => {
    expect(await everywhere(at)).toEqual({ page: title, front: true, tag: true, feed: true, sitemap: true, tagInSitemap: true });
    expect((await getArticle(slug, at))!.bodyHtml).toContain("<em>really</em>");
    expect((await listLatestArticles(1, at)).items[0].slug).toBe(slug);
  });
});
