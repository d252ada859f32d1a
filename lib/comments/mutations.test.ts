// Posting comments against a real database: counts stay exact (also under 50 concurrent posts),
// threads nest, anonymous rules and abuse guards hold.
import { randomBytes } from "node:crypto";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "../auth/viewer";
import { getDb } from "../db";
import { FieldError, ForbiddenError, RateLimitedError } from "../errors";
import { settingsChanged } from "../settings/queries";
import { registerUser } from "../users/mutations";
import { createComment, type Poster } from "./mutations";
import { AnonymousPoster, CreateCommentInput } from "./schemas";

const db = getDb();
const unique = () => randomBytes(5).toString("hex");
let articleId: string;

async function setSetting(key: string, value: unknown) {
  await db.setting.upsert({ where: { key }, create: { key, value: JSON.stringify(value) }, update: { value: JSON.stringify(value) } });
  await settingsChanged();
}

async function member(): Promise<Viewer> {
  const u = await registerUser({ name: "Commenter", handle: `c_${unique()}`, email: `c-${unique()}@example.com`, password: "correct horse battery" });
  return { id: u.id, handle: u.handle, name: "Commenter", role: "reader", isBanned: false, sessionId: "test" };
}

const asMember = (viewer: Viewer): Poster => ({ viewer, visitorId: `v${unique()}`, ip: `ip-${unique()}` });
const asAnonymous = (anon: Partial<AnonymousPoster> = {}): Poster => ({
  viewer: null,
  anonymous: { anonName: "", anonEmail: "anon@example.net", anonWebsite: "", ...anon },
  visitorId: `v${unique()}`,
  ip: `ip-${unique()}`,
});
const input = (body: string, extra: Partial<CreateCommentInput> = {}): CreateCommentInput => ({ articleId, subject: "", body, ...extra });
const count = async () => (await db.article.findUniqueOrThrow({ where: { id: articleId } })).commentCount;

beforeAll(async () => {
  const author = await registerUser({ name: "Author", email: `a-${unique()}@example.com`, password: "correct horse battery", role: "author" });
  const article = await db.article.create({
    data: { slug: `comments-${unique()}`, title: "Open thread", dept: "testing", body: "Body", status: "published", publishedAt: new Date(), authorId: author.id },
  });
  articleId = article.id;
});

afterEach(async () => {
  await db.setting.deleteMany();
  await settingsChanged();
});

describe("createComment", () => {
  it("publishes a member's comment and counts it", async () => {
    const before = await count();
    const created = await createComment(asMember(await member()), input("Hello *there*", { subject: "First" }));
    expect(created.status).toBe("published");
    const row = await db.comment.findUniqueOrThrow({ where: { id: created.id } });
    expect([row.depth, row.rootId, row.subject]).toEqual([0, row.id, "First"]);
    expect(await count()).toBe(before + 1);
  });

  it("nests replies three levels deep under one root", async () => {
    const viewer = await member();
    const root = await createComment(asMember(viewer), input(`root ${unique()}`));
    let parentId = root.id;
    for (let depth = 1; depth <= 3; depth++) {
      const reply = await createComment(asMember(await member()), input(`reply ${depth} ${unique()}`, { parentId, subject: "Re: root" }));
      const row = await db.comment.findUniqueOrThrow({ where: { id: reply.id } });
      expect([row.depth, row.rootId, row.parentId]).toEqual([depth, root.id, parentId]);
      parentId = reply.id;
    }
  });

  it("posts anonymously with a stable per-article tag, and holds one with more than two links", async () => {
    const poster = asAnonymous({ anonName: "Not a lawyer" });
    const a = await createComment(poster, input(`anon one ${unique()}`));
    await setSetting("commentIntervalSeconds", 0);
    const b = await createComment(poster, input(`anon two ${unique()}`));
    const [ra, rb] = await Promise.all([a, b].map((c) => db.comment.findUniqueOrThrow({ where: { id: c.id } })));
    expect(ra.anonTag).toMatch(/^[0-9a-f]{4}$/);
    expect(rb.anonTag).toBe(ra.anonTag);
    expect(ra.anonName).toBe("Not a lawyer");

    const before = await count();
    const held = await createComment(asAnonymous(), input("see https://a.example https://b.example and www.c.example"));
    expect(held.status).toBe("pending");
    expect(await count()).toBe(before);
  });

  it("refuses anonymous comments when the site turns them off", async () => {
    await setSetting("anonymousCommenting", false);
    await expect(createComment(asAnonymous(), input(`off ${unique()}`))).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("refuses banned members and banned visitors", async () => {
    const banned = { ...(await member()), isBanned: true };
    await expect(createComment(asMember(banned), input(`banned ${unique()}`))).rejects.toBeInstanceOf(ForbiddenError);
    const poster = asAnonymous();
    await db.visitorBan.create({ data: { visitorKey: poster.visitorId } });
    await expect(createComment(poster, input(`banned visitor ${unique()}`))).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("allows one comment per 15 seconds per member, and says how long to wait", async () => {
    const poster = asMember(await member());
    await createComment(poster, input(`fast one ${unique()}`));
    const error = await createComment({ ...poster, ip: `ip-${unique()}` }, input(`fast two ${unique()}`)).catch((e) => e);
    expect(error).toBeInstanceOf(RateLimitedError);
    expect(error.message).toMatch(/wait \d+ seconds?/);
  });

  it("caps anonymous posters per hour", async () => {
    await setSetting("commentIntervalSeconds", 0);
    await setSetting("anonymousCommentsPerHour", 2);
    const poster = asAnonymous();
    await createComment(poster, input(`hour 1 ${unique()}`));
    await createComment(poster, input(`hour 2 ${unique()}`));
    await expect(createComment(poster, input(`hour 3 ${unique()}`))).rejects.toBeInstanceOf(RateLimitedError);
  });

  it("refuses the same body from the same poster within five minutes", async () => {
    await setSetting("commentIntervalSeconds", 0);
    const poster = asMember(await member());
    const body = `say it twice ${unique()}`;
    await createComment(poster, input(body));
    const error = await createComment(poster, input(body)).catch((e) => e);
    expect(error).toBeInstanceOf(FieldError);
    expect(error.field).toBe("body");
  });

  it("stores exactly 50 comments and a count of 50 when 50 are posted at once", async () => {
    await setSetting("commentIntervalSeconds", 0);
    const author = await registerUser({ name: "Author", email: `a-${unique()}@example.com`, password: "correct horse battery", role: "author" });
    const busy = await db.article.create({
      data: { slug: `busy-${unique()}`, title: "Busy", dept: "rush", body: "Body", status: "published", publishedAt: new Date(), authorId: author.id },
    });
    const posters = await Promise.all(Array.from({ length: 50 }, () => member()));
    const results = await Promise.allSettled(posters.map((v, i) => createComment(asMember(v), { articleId: busy.id, subject: "", body: `rush ${i}` })));
    expect(results.filter((r) => r.status === "rejected")).toEqual([]);
    expect(await db.comment.count({ where: { articleId: busy.id } })).toBe(50);
    expect((await db.article.findUniqueOrThrow({ where: { id: busy.id } })).commentCount).toBe(50);
  });
});

describe("comment input", () => {
  const parse = (fields: Record<string, string>) => CreateCommentInput.safeParse({ articleId: "a1", subject: "", body: "ok", ...fields });

  it("strips control characters and repairs lone surrogates", () => {
    const r = parse({ subject: "Sub\u0000ject\u0007", body: "line\r\none\u0000 \uD800 end" });
    expect(r.success && [r.data.subject, r.data.body]).toEqual(["Subject", "line\none \uFFFD end"]);
  });

  it("refuses over-long fields with the limit, never truncating", () => {
    const subject = parse({ subject: "s".repeat(121) });
    const body = parse({ body: "b".repeat(10_001) });
    expect(!subject.success && subject.error.issues[0].message).toMatch(/120 characters/);
    expect(!body.success && body.error.issues[0].message).toMatch(/10,000 characters/);
    expect(parse({ body: "   " }).success).toBe(false);
  });

  it("accepts only http and https websites for anonymous posters", () => {
    const site = (anonWebsite: string) => AnonymousPoster.safeParse({ anonName: "", anonEmail: "a@example.net", anonWebsite }).success;
    expect(site("https://example.com/me")).toBe(true);
    expect(site("")).toBe(true);
    expect(site("javascript:alert(1)")).toBe(false);
    expect(site("ftp://example.com")).toBe(false);
    expect(AnonymousPoster.safeParse({ anonName: "", anonEmail: "", anonWebsite: "" }).success).toBe(false);
  });
});
