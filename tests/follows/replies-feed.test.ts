// The private replies feed: the right token shows the member's visible replies, newest first,
// with subjects as the public sees them; a wrong or missing token is a 404 that says nothing of
// whether the member exists; making a new address ends the old one.
import { describe, expect, it } from "vitest";
import { GET } from "@/app/users/[handle]/replies.xml/route";
import { getDb } from "../../lib/db";
import { buildRepliesFeed } from "../../lib/feeds/replies-feed";
import { ensureRepliesFeedToken, regenerateRepliesFeedToken } from "../../lib/feeds/replies-feed-token";
import { article, comment, member } from "./fixtures";

const fetchFeed = (handle: string, token?: string) =>
  GET(new Request(`http://localhost:3000/users/${handle}/replies.xml${token === undefined ? "" : `?token=${encodeURIComponent(token)}`}`), { params: Promise.resolve({ handle }) });

describe("replies feed", () => {
  it("lists visible replies by others to the member's comments, and nothing hidden gives itself away", async () => {
    const owner = await member();
    const on = await article();
    const mine = await comment(on, { authorId: owner.id, subject: "My point" });
    const older = await comment(on, { parentId: mine.id, subject: "Re: My point", body: "An older answer", at: new Date(Date.now() - 60_000) });
    const newer = await comment(on, { parentId: mine.id, authorId: null, subject: "", body: "A newer answer" });
    await comment(on, { parentId: mine.id, status: "hidden", subject: "Hidden words", body: "A hidden answer" });
    await comment(on, { parentId: mine.id, status: "pending", body: "A pending answer" });
    await comment(on, { parentId: mine.id, authorId: owner.id, body: "Answering myself" });
    await comment(on, { body: "Not a reply to the owner" });
    // A visible reply quoting a hidden comment's title shows "(hidden comment)" instead.
    await comment(on, { status: "hidden", subject: "Secret title" });
    const quoting = await comment(on, { parentId: mine.id, subject: "Re: Secret title", body: "Quoting a hidden title" });

    const token = await ensureRepliesFeedToken(owner.id);
    expect(await ensureRepliesFeedToken(owner.id)).toBe(token);
    const xml = (await buildRepliesFeed(owner.handle, token))!;
    const links = [...xml.matchAll(/<link>http:\/\/localhost:3000\/comments\/([^<]+)<\/link>/g)].map((m) => m[1]);
    expect(links).toEqual([quoting.id, newer.id, older.id]);
    expect(xml).toContain("An older answer");
    expect(xml).toContain("Re: (hidden comment)");
    for (const absent of ["A hidden answer", "Hidden words", "A pending answer", "Answering myself", "Not a reply", "Secret title"]) expect(xml).not.toContain(absent);
  });

  it("answers 404 to a wrong, missing or other member's token, privately, and serves the feed to the right one", async () => {
    const [owner, other] = [await member(), await member()];
    const token = await ensureRepliesFeedToken(owner.id);
    const otherToken = await ensureRepliesFeedToken(other.id);
    for (const response of [await fetchFeed(owner.handle), await fetchFeed(owner.handle, ""), await fetchFeed(owner.handle, "A".repeat(43)), await fetchFeed(owner.handle, otherToken), await fetchFeed("no_such_member", token)]) {
      expect(response.status).toBe(404);
      expect(response.headers.get("Cache-Control")).toBe("private, no-store");
      expect(await response.text()).toBe("Not found");
    }
    const ok = await fetchFeed(owner.handle, token);
    expect(ok.status).toBe(200);
    expect(ok.headers.get("Content-Type")).toBe("application/rss+xml; charset=utf-8");
    expect(ok.headers.get("Cache-Control")).toBe("private, no-store");
    expect(ok.headers.get("X-Robots-Tag")).toBe("noindex");
    expect(await ok.text()).toContain(`<title>Replies to ${owner.name} on Dept</title>`);
  });

  it("a new address ends the old one; a deleted account has no feed", async () => {
    const owner = await member();
    const first = await ensureRepliesFeedToken(owner.id);
    const second = await regenerateRepliesFeedToken(owner.id);
    expect(second).not.toBe(first);
    expect(await buildRepliesFeed(owner.handle, first)).toBeNull();
    expect(await buildRepliesFeed(owner.handle, second)).not.toBeNull();
    await getDb().user.update({ where: { id: owner.id }, data: { deletedAt: new Date() } });
    expect(await buildRepliesFeed(owner.handle, second)).toBeNull();
  });
});
