// Property tests over every zod input schema in lib/**/schemas.ts, fed what strangers send:
// any Unicode, NUL, lone surrogates, bidi overrides, zero-width characters, CR/LF, 100 KiB
// strings, and values of the wrong type. Whatever comes in, a schema answers (never throws: a
// throw is a 500), a refusal names a field the form can show it next to, and what it lets
// through is storable as it stands: no NUL (PostgreSQL refuses it in text) and no lone surrogate
// (each engine would silently store U+FFFD instead, so what is read back would differ), and no
// name or handle keeps a bidi control (which would let it pose as another).
// A refusal stays small, whatever the size of its input: a few problems per field, not one per
// character or item. And every case must answer within a time budget
// (tests/support/property-runs.ts), so a schema quadratic in its input fails here, with the seed
// and path that replay it, instead of making the run flaky.
// A new schema module, or a new schema in one, fails the first test until it gets a row below.
import { readdirSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { distinctList, field, hostileString, hugeList, hugeString } from "../tests/support/hostile-strings";
import { assertProperty, timedProperty } from "../tests/support/property-runs";
import { cpuMsOf } from "@/tests/support/cpu-time";

type Case = { input: fc.Arbitrary<unknown>; fields?: readonly string[] };

/** A form's fields, each hostile or (soiled) valid; sometimes some missing, as from a JSON client. */
function form(model: Record<string, fc.Arbitrary<string>>): Case {
  return { input: fc.oneof({ arbitrary: fc.record(model), weight: 4 }, { arbitrary: fc.record(model, { requiredKeys: [] }), weight: 1 }), fields: Object.keys(model) };
}
const text = (...valid: string[]): Case => ({ input: field(...valid) });

const id = field("abc123", "c9x_Q-7");
const reason = field("", "Spam, again.");
const email = field("ada@example.com", "Ada.Reader+news@Example.co.uk ");
const password = field("correct horse battery", "é".repeat(12));
const whole = (...valid: string[]) => field("", "0", "1", "5", "1000", "-1", "1e3", "0x10", " 7 ", ...valid);
const article = {
  title: field(" Ink Is  the New Oil ", "Zoë's Big Day: Ink & Oil!"),
  dept: field("from the not-how-it-works dept", "crossed wires"),
  slug: field("", "my-slug", " My-Slug "),
  tags: field("", "Copyright, privacy", "Privacy, privacy , PRIVACY!,, Law "),
  body: field("# Hi\n\nText.", "    indented code\n", "Hello *there*\r\n\r\nmore"),
  excerpt: field("", "A short excerpt."),
};

/** Every schema, by "<folder>/schemas.ts#<export>". */
const CASES: Record<string, Case> = {
  "articles/schemas.ts#ArticleInput": form(article),
  "articles/schemas.ts#SaveArticleInput": form({
    ...article,
    articleId: field("", "abc123"),
    intent: field("draft", "publish", "schedule"),
    publishAt: field("", "2099-01-01T10:00", "2099-02-30T10:00", "2020-01-01T10:00"),
    tzOffset: field("", "0", "-60", "840", "9999"),
  }),
  "auth/schemas.ts#VerificationToken": text("x".repeat(43), "AbC_-".repeat(8) + "xyz"),
  "best/schemas.ts#WeekParam": text("2026-W48", "2026-W53", "2020-W53", "2026-W00"),
  "comments/schemas.ts#CreateCommentInput": form({ articleId: id, parentId: field("", "abc123"), subject: field("", "Re: hello"), body: field("Hello *there*", "line\r\nline") }),
  "comments/schemas.ts#AnonymousPoster": form({ anonName: field("", "Not a lawyer"), anonEmail: email, anonWebsite: field("", "https://example.com/", "http://example.com/a?b=c"), notifyReplies: field("", "on") }),
  "comments/schemas.ts#EditCommentInput": form({ commentId: id, subject: field("", "Re: hello"), body: field("Hello *there*") }),
  "credits/schemas.ts#CreditAmount": text("5", "-3", "0", "100000", "100001", "1.5", "1e3"),
  "credits/schemas.ts#GrantReason": text("", "For the First Word contest"),
  "credits/schemas.ts#GrantCreditsInput": form({ userId: id, amount: whole("-100000"), reason: field("", "For the contest") }),
  "follows/schemas.ts#FollowInput": form({ articleId: id, commentId: field("", "abc123"), intent: field("follow", "unfollow") }),
  "follows/schemas.ts#UrlToken": text("x".repeat(43), "AbC_-".repeat(9)),
  "moderation/schemas.ts#ApproveInput": form({ commentId: id, reason }),
  "moderation/schemas.ts#RemoveInput": form({ commentId: id, reason }),
  "moderation/schemas.ts#BanInput": form({ commentId: id, reason }),
  "moderation/schemas.ts#MemberId": text("abc123"),
  "moderation/schemas.ts#BanMemberInput": form({ userId: id, reason }),
  "moderation/schemas.ts#LiftBanInput": form({ kind: field("user", "visitor"), target: id }),
  "newsletter/schemas.ts#SubscribeInput": form({ email }),
  "newsletter/schemas.ts#NewsletterToken": text("x".repeat(43), "AbC_-".repeat(9)),
  "newsletter/schemas.ts#DigestDay": text("2026-11-25", "2026-02-30", "2024-02-29"),
  "ratings/schemas.ts#RatingInput": form({ control: field("insightful", "funny", "flag"), on: field("1", "0"), reason: field("abusive", "trolling", "spam"), set: field("insightful.1", "funny.0", "flag.1") }),
  "settings/schemas.ts#UpdateSettingsInput": form({
    anonymousCommenting: field("on", ""),
    anonymousRating: field("on", ""),
    insightfulBadgeThreshold: whole(),
    funnyBadgeThreshold: whole(),
    flagHideWeight: whole(),
    commentIntervalSeconds: whole("3600"),
    anonymousCommentsPerHour: whole(),
    firstWordCost: whole("10000"),
    lastWordCost: whole(),
    trustWeightAnonymous: whole("0"),
    trustWeightNew: whole("0"),
    trustWeightMember: whole(),
    trustWeightEstablished: whole(),
    networkVoiceCap: whole(),
    newAccountHours: whole("8760"),
    establishedAfterDays: whole(),
    establishedAfterComments: whole("100000"),
    flagAccuracyBonusMax: whole("0"),
    creditsUrl: field("", "https://example.com/credits"),
  }),
  "trust/schemas.ts#TrustChoice": text("new", "member", "established", "earned"),
  "trust/schemas.ts#SetTrustInput": form({ userId: id, trust: field("new", "member", "established", "earned") }),
  "spotlights/schemas.ts#SpotlightInput": form({ kind: field("first", "last") }),
  "users/schemas.ts#Email": { input: email },
  "users/schemas.ts#Password": { input: password },
  "users/schemas.ts#DisplayName": text("Ada Reader", "Zoë Ünïcödé"),
  "users/schemas.ts#Handle": text("ada_reader", "Ada-1"),
  "users/schemas.ts#Bio": text("", "Writes\nthings.\r\n\tIndented."),
  "users/schemas.ts#RegisterInput": form({ name: field("Ada Reader"), handle: field("", "ada_reader"), email, password }),
  "users/schemas.ts#SignInInput": form({ email, password }),
  "users/schemas.ts#UpdateProfileInput": form({ name: field("Ada Reader"), handle: field("ada_reader"), bio: field("", "Writes things.") }),
  "users/schemas.ts#ChangePasswordInput": form({ currentPassword: password, newPassword: password }),
  "users/schemas.ts#PasswordResetRequestInput": form({ email }),
  "users/schemas.ts#ResetToken": text("x".repeat(43), "AbC_-".repeat(8) + "xyz"),
  "users/schemas.ts#PasswordResetInput": form({ token: field("x".repeat(43)), password }),
  "users/schemas.ts#DeleteAccountInput": form({ password }),
  "users/schemas.ts#SetRoleInput": form({ userId: id, role: field("reader", "author", "moderator", "admin") }),
};

async function loadSchemas(): Promise<Map<string, z.ZodType>> {
  const lib = import.meta.dirname;
  const files = (readdirSync(lib, { recursive: true }) as string[]).filter((f) => path.basename(f) === "schemas.ts" && !f.includes("generated"));
  const schemas = new Map<string, z.ZodType>();
  for (const file of files) {
    const exports = (await import(path.join(lib, file))) as Record<string, unknown>;
    for (const [name, value] of Object.entries(exports)) if (value instanceof z.ZodType) schemas.set(`${file.split(path.sep).join("/")}#${name}`, value);
  }
  return schemas;
}
const schemas = await loadSchemas();

/** Every string inside a parsed value (objects, arrays, nested). */
function stringsIn(value: unknown, at = "data"): [string, string][] {
  if (typeof value === "string") return [[at, value]];
  if (Array.isArray(value)) return value.flatMap((v, i) => stringsIn(v, `${at}[${i}]`));
  if (value && typeof value === "object" && !(value instanceof Date)) return Object.entries(value).flatMap(([k, v]) => stringsIn(v, `${at}.${k}`));
  return [];
}

const MAX_ISSUES_PER_FIELD = 3;

// Shown next to other text, a name or handle must not reorder it (lib/text.ts).
const BIDI_CONTROL = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;
const isName = (key: string, where: string) => /#(DisplayName|Handle)$/.test(key) ? where === "data" : /^data\.(name|handle|anonName)$/.test(where);

const timed = cpuMsOf;

/** The property: an answer, never a throw; refusals on a named field; accepted text storable. */
function check(key: string, input: unknown, fields?: readonly string[]) {
  const result = schemas.get(key)!.safeParse(input);
  if (result.success) {
    for (const [where, s] of stringsIn(result.data)) {
      // Passwords never reach the database as text (argon2id hashes them), and cleaning one would
      // change it: a new password refuses NUL, a typed one is only compared with a hash.
      if (/password/i.test(`${key}.${where}`)) continue;
      expect(s.includes("\0"), `${where} keeps a NUL`).toBe(false);
      expect(s.isWellFormed(), `${where} keeps a lone surrogate`).toBe(true);
      if (isName(key, where)) expect(BIDI_CONTROL.test(s), `${where} keeps a bidi control`).toBe(false);
    }
    return;
  }
  const { issues } = result.error;
  expect(issues.length).toBeGreaterThan(0);
  const perField = new Map<string, number>();
  for (const issue of issues) perField.set(String(issue.path[0]), (perField.get(String(issue.path[0])) ?? 0) + 1);
  for (const [name, count] of perField) expect(count, `problems with ${name}`).toBeLessThanOrEqual(MAX_ISSUES_PER_FIELD);
  for (const issue of issues) {
    expect(typeof issue.message === "string" && issue.message.length > 0).toBe(true);
    if (fields && input && typeof input === "object") expect(fields, `issue at ${JSON.stringify(issue.path)}: ${issue.message}`).toContain(String(issue.path[0]));
  }
}

const covered = Object.entries(CASES).map(([key, c]) => [key, c] as const);

/** Every field (or the value) 100 KiB of repeated hostile text, or short hostile text. */
const hugeFields = (fields?: readonly string[]): fc.Arbitrary<unknown> => (fields ? fc.record(Object.fromEntries(fields.map((f) => [f, fc.oneof(hugeString(), hostileString(8))]))) : hugeString());

describe("zod input schemas under hostile input", () => {
  it("every exported schema of every lib/**/schemas.ts has a row here (and every row a schema)", () => {
    expect(schemas.size).toBeGreaterThan(20);
    expect([...schemas.keys()].sort()).toEqual(Object.keys(CASES).sort());
  });

  it.each(covered)("%s answers hostile text and keeps no NUL or lone surrogate", (key, { input, fields }) => {
    assertProperty(timedProperty(input, (value) => check(key, value, fields)), { numRuns: 150 });
  });

  it.each(covered)("%s answers values of any type", (key, { fields }) => {
    const anything = fc.anything({ maxDepth: 2, withBigInt: true, withDate: true, withMap: true, withNullPrototype: true, withTypedArray: true, withSparseArray: true });
    const shaped = fields ? fc.dictionary(fc.constantFrom(...fields), anything) : anything;
    assertProperty(timedProperty(fc.oneof(anything, shaped), (value) => check(key, value)), { numRuns: 50 });
  });

  it.each(covered)("%s answers 100 KiB fields quickly", (key, { fields }) => {
    assertProperty(timedProperty(hugeFields(fields), (value) => check(key, value, fields)), { numRuns: 5 });
  });

  // Work that grows with the square of the input needs many distinct parts to show: 100 KiB of
  // one repeated seed has few.
  it.each(covered)("%s answers 100 KiB lists of distinct items quickly", (key, { fields }) => {
    const huge: fc.Arbitrary<unknown> = fields ? fc.record(Object.fromEntries(fields.map((f) => [f, fc.oneof(hugeList(), hostileString(8))]))) : hugeList();
    assertProperty(timedProperty(huge, (value) => check(key, value, fields)), { numRuns: 5 });
  });

  // Eight times the input takes about eight times as long when the work is linear, up to 64
  // times when it is quadratic. The fastest of three tries, and a margin, keep a busy machine's
  // pauses out of it.
  it.each(covered)("%s takes time linear in its input", (key, { fields }) => {
    const schema = schemas.get(key)!;
    const input = (units: number) => (fields ? Object.fromEntries(fields.map((f) => [f, distinctList(units)])) : distinctList(units));
    const fastest = (value: unknown) => Math.min(...[0, 1, 2].map(() => timed(() => schema.safeParse(value))));
    schema.safeParse(input(1024)); // warmed up: the first call compiles
    const [small, large] = [fastest(input(12.5 * 1024)), fastest(input(100 * 1024))];
    expect(large, `${Math.round(small)} ms for 12.5 KiB`).toBeLessThan(16 * small + 30);
  });

  // Found by the 100 KiB test: 51,200 bad tags made as many problems, and the run took 93 s.
  it("SaveArticleInput answers the 100 KiB form of seed 437447442 quickly, with few problems", () => {
    const { fields } = CASES["articles/schemas.ts#SaveArticleInput"];
    const replay = { seed: 437447442, path: "2:0:0:0:0:0:1:1:5:5:5:5:5:5:5:5:5:5:5", endOnFailure: true, numRuns: 1 };
    let tags = "";
    const property = timedProperty(hugeFields(fields), (value) => {
      tags = String((value as { tags?: unknown }).tags);
      check("articles/schemas.ts#SaveArticleInput", value, fields);
    });
    assertProperty(property, replay);
    // Still the input that was found (the arbitrary above must not change under it).
    expect(tags).toBe("\uD800,".repeat(51_200));
  });
});
