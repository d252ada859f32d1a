// Account writes against a real database: uniqueness holds under races, failures store nothing,
// deletion keeps comments but drops personal data, role changes are recorded.
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { verifyPassword } from "../auth/password";
import type { Viewer } from "../auth/viewer";
import { getDb } from "../db";
import { FieldError, ForbiddenError } from "../errors";
import { changePassword, deleteAccount, registerUser, setRole, updateProfile } from "./mutations";
import { RegisterInput } from "./schemas";

const db = getDb();
const unique = () => randomBytes(4).toString("hex");
const PASSWORD = "correct horse battery";

async function viewerFor(email: string): Promise<Viewer> {
  const u = await db.user.findUniqueOrThrow({ where: { email } });
  const session = await db.session.create({ data: { id: `s-${unique()}`, userId: u.id, expiresAt: new Date(Date.now() + 3600_000) } });
  return { id: u.id, handle: u.handle, name: u.name, role: u.role, isBanned: false, sessionId: session.id };
}

async function fieldOf(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof FieldError) return error.field;
    throw error;
  }
  throw new Error("expected a FieldError");
}

describe("registerUser", () => {
  it("refuses a second account for the same email in any case, storing nothing", async () => {
    const email = `dup-${unique()}@example.com`;
    await registerUser({ name: "First", email, password: PASSWORD });
    const before = await db.user.count();
    const shouted = RegisterInput.parse({ name: "Second", email: email.toUpperCase(), password: PASSWORD, handle: "" });
    expect(await fieldOf(registerUser(shouted))).toBe("email");
    expect(await db.user.count()).toBe(before);
  });

  it("lets exactly one of two simultaneous sign-ups with one email through", async () => {
    const email = `race-${unique()}@example.com`;
    const results = await Promise.allSettled([
      registerUser({ name: "Racer One", email, password: PASSWORD, handle: `r1_${unique()}` }),
      registerUser({ name: "Racer Two", email, password: PASSWORD, handle: `r2_${unique()}` }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(rejected.reason).toBeInstanceOf(FieldError);
    expect(await db.user.count({ where: { email } })).toBe(1);
  });

  it("refuses a taken handle and derives a free one from the name when none is given", async () => {
    const handle = `taken_${unique()}`;
    await registerUser({ name: "Holder", email: `h-${unique()}@example.com`, password: PASSWORD, handle });
    expect(await fieldOf(registerUser({ name: "Other", email: `o-${unique()}@example.com`, password: PASSWORD, handle }))).toBe("handle");
    const name = `Zoë O'Brien ${unique()}`;
    const a = await registerUser({ name, email: `z1-${unique()}@example.com`, password: PASSWORD });
    const b = await registerUser({ name, email: `z2-${unique()}@example.com`, password: PASSWORD });
    expect(a.handle).toMatch(/^zoe_obrien_[a-f0-9]{8}$/);
    expect(b.handle).toBe(`${a.handle}2`);
  });

  it("stores an argon2id hash, never the password", async () => {
    const email = `hash-${unique()}@example.com`;
    await registerUser({ name: "Hashed", email, password: PASSWORD });
    const { passwordHash } = await db.user.findUniqueOrThrow({ where: { email } });
    expect(passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(passwordHash!, PASSWORD)).toBe(true);
  });
});

describe("settings", () => {
  it("changes name, handle and bio; a taken handle is refused", async () => {
    const email = `p-${unique()}@example.com`;
    await registerUser({ name: "Before", email, password: PASSWORD });
    const other = await registerUser({ name: "Other", email: `q-${unique()}@example.com`, password: PASSWORD });
    const viewer = await viewerFor(email);
    const handle = `after_${unique()}`;
    await updateProfile(viewer, { name: "After", handle, bio: "Hello\nthere" });
    expect(await db.user.findUniqueOrThrow({ where: { email }, select: { name: true, handle: true, bio: true } })).toEqual({ name: "After", handle, bio: "Hello\nthere" });
    expect(await fieldOf(updateProfile({ ...viewer, handle }, { name: "After", handle: other.handle, bio: "" }))).toBe("handle");
  });

  it("needs the current password to change it, and signs other browsers out", async () => {
    const email = `pw-${unique()}@example.com`;
    await registerUser({ name: "Pw", email, password: PASSWORD });
    const viewer = await viewerFor(email);
    const elsewhere = await viewerFor(email);
    expect(await fieldOf(changePassword(viewer, { currentPassword: "not it at all", newPassword: "a brand new secret" }))).toBe("currentPassword");
    await changePassword(viewer, { currentPassword: PASSWORD, newPassword: "a brand new secret" });
    const { passwordHash } = await db.user.findUniqueOrThrow({ where: { email } });
    expect(await verifyPassword(passwordHash!, "a brand new secret")).toBe(true);
    expect(await db.session.findUnique({ where: { id: viewer.sessionId } })).not.toBeNull();
    expect(await db.session.findUnique({ where: { id: elsewhere.sessionId } })).toBeNull();
  });

  it("deletes personal data and sessions but keeps the member's comments", async () => {
    const email = `del-${unique()}@example.com`;
    await registerUser({ name: "Leaving Soon", email, password: PASSWORD });
    const viewer = await viewerFor(email);
    const author = await db.user.findFirstOrThrow({ where: { role: { not: "reader" } } }).catch(() => null);
    const article = await db.article.create({
      data: { slug: `del-${unique()}`, title: "t", dept: "d", body: "b", status: "published", publishedAt: new Date(), authorId: author?.id ?? viewer.id },
    });
    const comment = await db.comment.create({ data: { articleId: article.id, authorId: viewer.id, body: "I was here" } });
    await db.follow.create({ data: { followerKey: `u:${viewer.id}`, target: `article:${article.id}`, userId: viewer.id, articleId: article.id } });
    await db.notification.create({ data: { userId: viewer.id, kind: "reply", commentId: comment.id, articleId: article.id, mailState: "queued", mailDueAt: new Date() } });
    await db.user.update({ where: { id: viewer.id }, data: { repliesFeedToken: `feed-${unique()}`, notifyToken: `stop-${unique()}` } });
    expect(await fieldOf(deleteAccount(viewer, "wrong password"))).toBe("password");
    await deleteAccount(viewer, PASSWORD);
    const user = await db.user.findUniqueOrThrow({ where: { id: viewer.id } });
    expect(user.deletedAt).not.toBeNull();
    expect([user.email, user.name, user.bio, user.passwordHash]).toEqual([`deleted-${viewer.id}@deleted.invalid`, "Deleted user", "", null]);
    expect(await db.session.count({ where: { userId: viewer.id } })).toBe(0);
    // No follows, no notifications (nor their unsent mail), no private feed or unsubscribe address.
    expect([await db.follow.count({ where: { userId: viewer.id } }), await db.notification.count({ where: { userId: viewer.id } })]).toEqual([0, 0]);
    expect([user.repliesFeedToken, user.notifyToken, user.notifyMailMode]).toEqual([null, null, "never"]);
    expect(await db.comment.findUnique({ where: { id: comment.id }, select: { body: true } })).toEqual({ body: "I was here" });
  });
});

describe("setRole", () => {
  it("lets only admins change roles, records who did it, and keeps admins from demoting themselves", async () => {
    const adminEmail = `admin-${unique()}@example.com`;
    await registerUser({ name: "Admin", email: adminEmail, password: PASSWORD, role: "admin" });
    const target = await registerUser({ name: "Target", email: `t-${unique()}@example.com`, password: PASSWORD });
    const admin = await viewerFor(adminEmail);
    const reader = { ...admin, id: target.id, role: "reader" as const };
    await expect(setRole(reader, target.id, "admin")).rejects.toBeInstanceOf(ForbiddenError);
    await setRole(admin, target.id, "moderator");
    expect((await db.user.findUniqueOrThrow({ where: { id: target.id } })).role).toBe("moderator");
    const event = await db.moderationEvent.findFirstOrThrow({ where: { targetUserId: target.id, action: "user.role" } });
    expect(event.actorId).toBe(admin.id);
    await expect(setRole(admin, admin.id, "reader")).rejects.toBeInstanceOf(ForbiddenError);
  });
});
