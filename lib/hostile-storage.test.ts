// Hostile text through the real writes, on the engine of the run (SQLite or PostgreSQL): what the
// schemas let through is stored without an error (PostgreSQL refuses NUL in text) and read back
// exactly as parsed (lone surrogates would come back as U+FFFD if they reached the database).
// The strings are generated, plus the classics as fixed examples; few runs, each one writes.
import { randomBytes } from "node:crypto";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "./auth/viewer";
import { createComment } from "./comments/mutations";
import { AnonymousPoster, CreateCommentInput } from "./comments/schemas";
import { grantCredits } from "./credits/ledger";
import { GrantReason } from "./credits/schemas";
import { getDb } from "./db";
import { renderMarkdown } from "./markdown/render";
import { settingsChanged } from "./settings/queries";
import { hostileString, TROUBLE_CHARS } from "../tests/support/hostile-strings";
import { registerUser, updateProfile } from "./users/mutations";
import { UpdateProfileInput } from "./users/schemas";

const db = getDb();
const unique = () => randomBytes(5).toString("hex");
const CLASSICS: [string][] = [["\0"], ["a\0b\0"], ["\uD800 lone \uDFFF"], ["\u202Egnp.exe"], ["line\r\nbreak\rand\n"], ["\u200B\u200D\uFEFF"], [TROUBLE_CHARS.join("")]];
const options = { numRuns: 12, examples: CLASSICS };

let articleId: string;
let member: Viewer;

beforeAll(async () => {
  const u = await registerUser({ name: "Hostile", handle: `h_${unique()}`, email: `h-${unique()}@example.com`, password: "correct horse battery", role: "author" });
  member = { id: u.id, handle: u.handle, name: "Hostile", role: "author", isBanned: false, sessionId: "test" };
  const article = await db.article.create({
    data: { slug: `hostile-${unique()}`, title: "Open thread", dept: "testing", body: "Body", status: "published", publishedAt: new Date(), authorId: member.id },
  });
  articleId = article.id;
  // Flood limits are tested elsewhere; here every post must get through to the database.
  await db.setting.upsert({ where: { key: "commentIntervalSeconds" }, create: { key: "commentIntervalSeconds", value: "0" }, update: { value: "0" } });
  await settingsChanged();
});

afterAll(async () => {
  await db.setting.deleteMany({ where: { key: "commentIntervalSeconds" } });
  await settingsChanged();
});

describe("hostile text stored and read back", () => {
  it("comments: subject, body and an anonymous name, from members and visitors", async () => {
    await fc.assert(
      fc.asyncProperty(hostileString(40), async (hostile) => {
        const input = CreateCommentInput.parse({ articleId, parentId: "", subject: hostile.slice(0, 100), body: `${hostile}\r\n${unique()}\r\n${hostile}` });
        const anonymous = AnonymousPoster.parse({ anonName: hostile.slice(0, 20), anonEmail: " Anon@Example.net\0", anonWebsite: "" });
        for (const poster of [
          { viewer: member, visitorId: `v${unique()}`, ip: `ip-${unique()}` },
          { viewer: null, anonymous, visitorId: `v${unique()}`, ip: `ip-${unique()}` },
        ]) {
          const { id } = await createComment(poster, input);
          const row = await db.comment.findUniqueOrThrow({ where: { id }, select: { subject: true, body: true, anonName: true } });
          expect(row).toEqual({ subject: input.subject, body: input.body, anonName: poster.viewer ? null : anonymous.anonName || null });
          expect(row.body.includes("\0") || !row.body.isWellFormed()).toBe(false);
          expect(renderMarkdown(row.body)).not.toContain("\0");
        }
      }),
      options,
    );
  });

  it("profiles: name and bio", async () => {
    // Names refuse control characters outright and lose bidi controls; zero-width characters
    // and lone surrogates (as U+FFFD) get in.
    const nameish = fc.string({ unit: fc.constantFrom("A", "é", "e\u0301", "Ада", "😀", " ", "\u202E", "\u200B", "\uFEFF", "\uD800", "\uDFFF"), minLength: 1, maxLength: 20 });
    await fc.assert(
      fc.asyncProperty(nameish, hostileString(60), async (name, bio) => {
        const parsed = UpdateProfileInput.safeParse({ name: `N${name}`, handle: member.handle, bio });
        if (!parsed.success) return; // a refusal is the schema's answer, tested in schemas.property.test.ts
        await updateProfile(member, parsed.data);
        const row = await db.user.findUniqueOrThrow({ where: { id: member.id }, select: { name: true, bio: true } });
        expect(row).toEqual({ name: parsed.data.name, bio: parsed.data.bio });
      }),
      { numRuns: 12, examples: [["\uD800\u202E", "bio\r\nwith\0NUL"]] },
    );
  });

  it("credit grants: the reason, in the ledger and the moderation log", async () => {
    let amount = 0; // a different amount each time finds each grant's rows
    await fc.assert(
      fc.asyncProperty(hostileString(60), async (hostile) => {
        const reason = GrantReason.parse(hostile) || "Granted";
        await grantCredits("cli", member.id, ++amount, reason);
        const entry = await db.creditTransaction.findFirstOrThrow({ where: { userId: member.id, delta: amount }, select: { reason: true } });
        expect(entry.reason).toBe(reason);
        const event = await db.moderationEvent.findFirstOrThrow({ where: { targetUserId: member.id, action: "user.credits", reason: { startsWith: `+${amount} credits: ` } }, select: { reason: true } });
        expect(event.reason).toBe(`+${amount} credits: ${reason} (command line)`);
      }),
      options,
    );
  });
});
