// Following a discussion or a thread: idempotent, for members only, and only what the public can
// see (a visible article; a published comment of that very article).
import { describe, expect, it } from "vitest";
import { getDb } from "../../lib/db";
import { NotFoundError, SignInRequiredError } from "../../lib/errors";
import { setFollow } from "../../lib/follows/mutations";
import { listArticleFollows } from "../../lib/follows/queries";
import { FollowInput } from "../../lib/follows/schemas";
import { article, comment, member } from "./fixtures";

const db = getDb();
const followsOf = (userId: string) => db.follow.findMany({ where: { followerKey: `u:${userId}` }, select: { target: true, articleId: true, commentId: true, userId: true } });

describe("following", () => {
  it("follows a discussion once however often it is asked, and unfollows idempotently", async () => {
    const [viewer, on] = [await member(), await article()];
    const input = FollowInput.parse({ articleId: on.id, intent: "follow" });
    expect(await setFollow(viewer, input)).toMatchObject({ following: true, slug: on.slug });
    // Twice, then five at once: the unique constraint, not a check, keeps it to one row.
    await setFollow(viewer, input);
    await Promise.all(Array.from({ length: 5 }, () => setFollow(viewer, input)));
    expect(await followsOf(viewer.id)).toEqual([{ target: `article:${on.id}`, articleId: on.id, commentId: null, userId: viewer.id }]);
    expect(await listArticleFollows(viewer.id, on.id)).toEqual({ article: true, threads: [] });

    const undo = FollowInput.parse({ articleId: on.id, intent: "unfollow" });
    expect(await setFollow(viewer, undo)).toMatchObject({ following: false });
    expect(await setFollow(viewer, undo)).toMatchObject({ following: false });
    expect(await followsOf(viewer.id)).toEqual([]);
  });

  it("follows a thread under a comment of the article", async () => {
    const [viewer, on] = [await member(), await article()];
    const c = await comment(on);
    await setFollow(viewer, FollowInput.parse({ articleId: on.id, commentId: c.id, intent: "follow" }));
    await setFollow(viewer, FollowInput.parse({ articleId: on.id, commentId: c.id, intent: "follow" }));
    expect(await followsOf(viewer.id)).toEqual([{ target: `comment:${c.id}`, articleId: on.id, commentId: c.id, userId: viewer.id }]);
    expect(await listArticleFollows(viewer.id, on.id)).toEqual({ article: false, threads: [c.id] });
  });

  it("refuses a signed-out caller", async () => {
    const on = await article();
    await expect(setFollow(null, FollowInput.parse({ articleId: on.id, intent: "follow" }))).rejects.toBeInstanceOf(SignInRequiredError);
    expect(await db.follow.count({ where: { articleId: on.id } })).toBe(0);
  });

  it("refuses what the public cannot see: drafts, scheduled articles, and comments hidden, pending, deleted or from another article", async () => {
    const viewer = await member();
    const draft = await article({ status: "draft" });
    const scheduled = await article({ publishedAt: new Date(Date.now() + 86_400_000) });
    for (const a of [draft, scheduled]) {
      await expect(setFollow(viewer, FollowInput.parse({ articleId: a.id, intent: "follow" }))).rejects.toBeInstanceOf(NotFoundError);
    }
    const on = await article();
    const elsewhere = await comment(await article());
    const refused = [
      elsewhere,
      await comment(on, { status: "hidden" }),
      await comment(on, { status: "pending" }),
      await comment(on, { status: "removed" }),
      await comment(on, { deleted: true }),
    ];
    for (const c of refused) {
      await expect(setFollow(viewer, FollowInput.parse({ articleId: on.id, commentId: c.id, intent: "follow" }))).rejects.toBeInstanceOf(NotFoundError);
    }
    expect(await followsOf(viewer.id)).toEqual([]);
  });

  it("takes only well-formed ids and a known intent", () => {
    expect(FollowInput.safeParse({ articleId: "x'; DROP", intent: "follow" }).success).toBe(false);
    expect(FollowInput.safeParse({ articleId: "abc", intent: "toggle" }).success).toBe(false);
    expect(FollowInput.parse({ articleId: "abc", commentId: "", intent: "unfollow" })).toEqual({ articleId: "abc", commentId: undefined, intent: "unfollow" });
  });
});
