// The Dept export format, version 1: everything a site holds, as JSON Lines (one JSON object per
// line, UTF-8, "\n" after each), so a file of any size is written and read one record at a time.
//
//   {"format":"dept-export","version":1,"secrets":false}
//   {"type":"setting","key":"anonymousCommenting","value":"true","updatedAt":"2026-…Z"}
//   {"type":"user","id":"…","email":"…",…}
//   …
//
// - The first line says what the file is. Then come the records, each with its `type` and then
//   its fields in the order RECORDS lists them: every table in an order where a record comes after
//   the records it points to (a reply after its parent), each table's rows in key order. The same
//   database always gives the same bytes, so two exports can be compared with `cmp`.
// - Values: text as JSON strings, whole numbers, true/false, null for "none", and times as
//   ISO 8601 in UTC with milliseconds ("2026-12-05T03:26:44.291Z").
// - Left out, because they are passwords or keys: password hashes and the tokens in feed,
//   confirmation and unsubscribe links. `--with-secrets` puts them in, and the header says
//   `"secrets":true`. Imported without them, members reset their password ("Forgot your
//   password?") and new links are made.
// - Not exported at all: sessions, password-reset and email-verification tokens (short-lived
//   keys), rate-limit slots and mail locks (the running site's scratch state), and the log of
//   past imports (importing this file would add to it, so the file could not come back the same).

export const FORMAT = "dept-export";
export const FORMAT_VERSION = 1;

export type FieldKind = "string" | "int" | "boolean" | "date";
export type Fields = Record<string, FieldKind>;

export type RecordSpec = {
  /** The record's `type` in the file. */
  type: string;
  /** The Prisma model it is stored in. */
  model: string;
  /** Every exported field, in the file's order. */
  fields: Fields;
  /** The fields that identify a row: the export's order and the import's "already there?". */
  key: string[];
  /** Exported only with --with-secrets. */
  secret?: string[];
  /** Fields the export orders by before the key (a reply after its parent). */
  orderFirst?: string[];
};

const s = "string" as const;
const i = "int" as const;
const b = "boolean" as const;
const d = "date" as const;

export const RECORDS: RecordSpec[] = [
  { type: "setting", model: "setting", key: ["key"], fields: { key: s, value: s, updatedAt: d } },
  {
    type: "user",
    model: "user",
    key: ["id"],
    secret: ["passwordHash", "notifyToken", "repliesFeedToken"],
    fields: {
      id: s, email: s, handle: s, name: s, passwordHash: s, role: s, bio: s, credits: i, bannedAt: d, emailVerifiedAt: d, trustLevel: s,
      flagsUpheld: i, flagsRejected: i, notifyReplies: b, notifyFollowed: b, notifyMailMode: s, notifyToken: s, repliesFeedToken: s,
      deletedAt: d, createdAt: d, updatedAt: d,
    },
  },
  { type: "account", model: "account", key: ["id"], fields: { id: s, userId: s, provider: s, providerAccountId: s, createdAt: d } },
  { type: "tag", model: "tag", key: ["id"], fields: { id: s, slug: s, name: s } },
  {
    type: "article",
    model: "article",
    key: ["id"],
    fields: {
      id: s, slug: s, title: s, dept: s, body: s, excerpt: s, status: s, publishedAt: d, authorId: s, commentCount: i,
      createdAt: d, updatedAt: d, revisedAt: d,
    },
  },
  { type: "article-redirect", model: "articleRedirect", key: ["oldSlug"], fields: { oldSlug: s, articleId: s, createdAt: d } },
  { type: "article-legacy-url", model: "articleLegacyUrl", key: ["path"], fields: { path: s, articleId: s, createdAt: d } },
  { type: "article-tag", model: "articleTag", key: ["articleId", "tagId"], fields: { articleId: s, tagId: s } },
  {
    type: "comment",
    model: "comment",
    key: ["id"],
    orderFirst: ["depth"],
    fields: {
      id: s, articleId: s, parentId: s, rootId: s, depth: i, authorId: s, anonName: s, anonEmail: s, anonWebsite: s, anonTag: s,
      visitorKey: s, network: s, subject: s, body: s, status: s, createdAt: d, editedAt: d, deletedAt: d, removedReason: s,
      insightfulCount: i, funnyCount: i, insightfulWeight: i, funnyWeight: i, flagWeight: i, flagWeightApproved: i, hiddenBy: s,
    },
  },
  {
    type: "vote",
    model: "vote",
    key: ["id"],
    fields: { id: s, commentId: s, kind: s, voterKey: s, userId: s, trust: s, weight: i, network: s, createdAt: d },
  },
  {
    type: "flag",
    model: "flag",
    key: ["id"],
    fields: { id: s, commentId: s, voterKey: s, voterKind: s, userId: s, reason: s, weight: i, trust: s, network: s, verdict: s, createdAt: d },
  },
  {
    type: "spotlight",
    model: "spotlight",
    key: ["id"],
    fields: { id: s, articleId: s, kind: s, commentId: s, userId: s, cost: i, createdAt: d },
  },
  { type: "credit", model: "creditTransaction", key: ["id"], fields: { id: s, userId: s, delta: i, reason: s, actorId: s, createdAt: d } },
  {
    type: "moderation-event",
    model: "moderationEvent",
    key: ["id"],
    fields: { id: s, actorId: s, action: s, commentId: s, targetUserId: s, targetVisitorKey: s, reason: s, createdAt: d },
  },
  { type: "visitor-ban", model: "visitorBan", key: ["visitorKey"], fields: { visitorKey: s, reason: s, createdAt: d } },
  { type: "network-ban", model: "networkBan", key: ["network"], fields: { network: s, reason: s, expiresAt: d, createdAt: d } },
  { type: "email-ban", model: "emailBan", key: ["emailHash"], fields: { emailHash: s, reason: s, createdAt: d } },
  {
    type: "newsletter-subscriber",
    model: "newsletterSubscriber",
    key: ["id"],
    secret: ["confirmToken", "unsubscribeToken"],
    fields: { id: s, email: s, status: s, confirmToken: s, unsubscribeToken: s, createdAt: d, confirmedAt: d },
  },
  { type: "newsletter-issue", model: "newsletterIssue", key: ["id"], fields: { id: s, day: s, createdAt: d } },
  { type: "newsletter-delivery", model: "newsletterDelivery", key: ["issueId", "subscriberId"], fields: { issueId: s, subscriberId: s, sentAt: d } },
  {
    type: "mail-address",
    model: "mailAddress",
    key: ["id"],
    secret: ["confirmToken", "unsubscribeToken"],
    fields: { id: s, email: s, confirmToken: s, unsubscribeToken: s, confirmedAt: d, stoppedAt: d, createdAt: d },
  },
  {
    type: "follow",
    model: "follow",
    key: ["id"],
    fields: { id: s, followerKey: s, target: s, userId: s, mailAddressId: s, articleId: s, commentId: s, createdAt: d },
  },
  {
    type: "notification",
    model: "notification",
    key: ["id"],
    fields: {
      id: s, userId: s, mailAddressId: s, kind: s, commentId: s, articleId: s, detail: s, createdAt: d, readAt: d, mailState: s,
      mailDueAt: d, mailAttempts: i, mailClaim: s, mailClaimedAt: d, mailSentAt: d,
    },
  },
];

/** Models that are deliberately not exported (see the top of this file). */
export const NOT_EXPORTED = ["Session", "PasswordReset", "EmailVerification", "RateLimitSlot", "MailLock", "ImportRun"];

/** Required fields that are secrets: made anew when a file without secrets is imported. */
export const REMADE_WITHOUT_SECRETS: Record<string, string[]> = {
  "newsletter-subscriber": ["confirmToken", "unsubscribeToken"],
  "mail-address": ["confirmToken", "unsubscribeToken"],
};

export type Header = { format: typeof FORMAT; version: number; secrets: boolean };

export const recordSpec = new Map(RECORDS.map((spec) => [spec.type, spec]));
