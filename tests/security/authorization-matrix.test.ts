// The authorization matrix (issue 9, "Requests"): every server action and every mutating route
// handler, called directly with no UI, as each kind of caller, against a real database. An
// allowed call must succeed and its write must be there; a refused one must answer with a refusal
// (an error state, 401/403, a redirect to sign in) and leave the whole database as it was.
//
// The endpoints are found on disk (tests/security/endpoints.ts), so a new server action or route
// handler without a row here fails the first test until someone decides who may call it.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { configureMail } from "../../lib/mail/send";
import { enumerateEndpoints, type Endpoint } from "./endpoints";
import { actionCases as A } from "./matrix-action-cases";
import { followCases as F } from "./matrix-follow-cases";
import { MATRIX_ROLES, runCase, type MatrixCase, type MatrixRole } from "./matrix-harness";
import { routeCases as R } from "./matrix-route-cases";
import { notificationCases as N } from "./matrix-notification-cases";
import { notificationMailCases as NM } from "./matrix-notification-mail-cases";
import { verdictOf } from "./verdict";

// What Next.js provides around a request, and nothing more: cookies and headers of the request
// the harness is making, cache invalidation and after() as no-ops. redirect() is Next's own.
vi.mock("next/headers", async () => {
  const { currentRequest } = await import("./request-context");
  return { cookies: async () => currentRequest().jar, headers: async () => currentRequest().headers };
});
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {}, updateTag: () => {}, unstable_cache: <T>(fn: T) => fn }));
vi.mock("next/server", async (importOriginal) => ({ ...(await importOriginal<typeof import("next/server")>()), after: () => {} }));
// Observed, not replaced: which error an action turned into a message tells a refusal
// (ForbiddenError) from a broken case (rate limited, not found, a field error).
vi.mock("../../lib/forms", async (importOriginal) => {
  const forms = await importOriginal<typeof import("../../lib/forms")>();
  const { recordFailure } = await import("./request-context");
  return { ...forms, failed: (error: unknown, values: Record<string, string>) => (recordFailure(error), forms.failed(error, values)) };
});

type Expected = "allow" | "deny";
// In the order of MATRIX_ROLES.
type Row = [endpoint: string, matrixCase: MatrixCase, visitor: Expected, reader: Expected, author: Expected, moderator: Expected, admin: Expected, banned: Expected];

// Product rules: readers comment, rate and flag; authors write and edit their own articles;
// moderators moderate; admins administer (settings, roles, credits) and edit any article; a
// banned member (here a banned author) may not post, rate, spotlight or write, but still reads,
// signs in and out, deletes their own comments and manages their own account; signed-out
// visitors post and rate anonymously while the site settings allow it (on by default).
// Moderators may ban and unban members from the members list too: the same power the
// moderation queue gives them over any member who has commented (lib/moderation/bans.ts).
const MATRIX: Row[] = [
  // endpoint                                                 case                      visitor  reader   author   moderator admin   banned
  ["lib/articles/actions.ts#saveArticleAction",               A.publishArticle,         "deny",  "deny",  "allow", "allow",  "allow", "deny"],
  ["lib/articles/actions.ts#saveArticleAction",               A.previewInWriteForm,     "deny",  "deny",  "allow", "allow",  "allow", "deny"],
  ["lib/articles/actions.ts#saveArticleAction",               A.editOwnArticle,         "deny",  "deny",  "allow", "allow",  "allow", "deny"],
  ["lib/articles/actions.ts#saveArticleAction",               A.editOthersArticle,      "deny",  "deny",  "deny",  "deny",   "allow", "deny"],
  ["lib/articles/actions.ts#previewArticleAction",            A.livePreview,            "deny",  "deny",  "allow", "allow",  "allow", "deny"],
  ["lib/auth/actions.ts#signInAction",                        A.signIn,                 "allow", "allow", "allow", "allow",  "allow", "allow"],
  ["lib/auth/actions.ts#registerAction",                      A.register,               "allow", "allow", "allow", "allow",  "allow", "allow"],
  ["lib/auth/email-verification-actions.ts#resendVerificationAction", A.resendVerification, "deny", "allow", "allow", "allow", "allow", "allow"],
  ["lib/auth/password-reset-actions.ts#requestResetAction",  A.requestPasswordReset,   "allow", "allow", "allow", "allow",  "allow", "allow"],
  ["lib/auth/password-reset-actions.ts#resetPasswordAction", A.resetPassword,          "allow", "allow", "allow", "allow",  "allow", "allow"],
  ["lib/comments/actions.ts#postCommentAction",               A.postComment,            "allow", "allow", "allow", "allow",  "allow", "deny"],
  ["lib/comments/actions.ts#postCommentAction",               A.postCommentAnonOff,     "deny",  "allow", "allow", "allow",  "allow", "deny"],
  ["lib/comments/edit-actions.ts#editCommentAction",          A.editOwnComment,         "deny",  "allow", "allow", "allow",  "allow", "deny"],
  ["lib/comments/edit-actions.ts#editCommentAction",          A.editOthersComment,      "deny",  "deny",  "deny",  "allow",  "allow", "deny"],
  ["lib/comments/edit-actions.ts#editCommentAction",          A.previewOwnCommentEdit,  "deny",  "allow", "allow", "allow",  "allow", "deny"],
  ["lib/comments/edit-actions.ts#editCommentAction",          A.previewOthersCommentEdit, "deny", "deny", "deny",  "allow",  "allow", "deny"],
  ["lib/comments/edit-actions.ts#deleteCommentAction",        A.deleteOwnComment,       "deny",  "allow", "allow", "allow",  "allow", "allow"],
  ["lib/comments/edit-actions.ts#deleteCommentAction",        A.deleteOthersComment,    "deny",  "deny",  "deny",  "allow",  "allow", "deny"],
  ["lib/credits/actions.ts#grantCreditsAction",               A.grantCredits,           "deny",  "deny",  "deny",  "deny",   "allow", "deny"],
  ["lib/moderation/actions.ts#approveCommentAction",          A.approveComment,         "deny",  "deny",  "deny",  "allow",  "allow", "deny"],
  ["lib/moderation/actions.ts#removeCommentAction",           A.removeComment,          "deny",  "deny",  "deny",  "allow",  "allow", "deny"],
  ["lib/moderation/actions.ts#banAuthorAction",               A.banAuthor,              "deny",  "deny",  "deny",  "allow",  "allow", "deny"],
  ["lib/moderation/actions.ts#liftBanAction",                 A.liftBan,                "deny",  "deny",  "deny",  "allow",  "allow", "deny"],
  ["lib/moderation/verdict-actions.ts#upholdFlagsAction",     A.upholdFlags,            "deny",  "deny",  "deny",  "allow",  "allow", "deny"],
  ["lib/moderation/verdict-actions.ts#rejectFlagsAction",     A.rejectFlags,            "deny",  "deny",  "deny",  "allow",  "allow", "deny"],
  ["lib/moderation/member-ban-actions.ts#banMemberAction",    A.banMember,              "deny",  "deny",  "deny",  "allow",  "allow", "deny"],
  ["lib/moderation/member-ban-actions.ts#liftMemberBanAction", A.liftMemberBan,         "deny",  "deny",  "deny",  "allow",  "allow", "deny"],
  // Anyone signed in marks their own notifications read, a banned member too; no one anyone else's.
  ["lib/notifications/read-actions.ts#markNotificationReadAction", N.markOwnRead,  "deny",  "allow", "allow", "allow",  "allow", "allow"],
  ["lib/notifications/read-actions.ts#markNotificationReadAction", N.markOthersRead, "deny", "deny", "deny",  "deny",   "deny",  "deny"],
  ["lib/notifications/read-actions.ts#markAllNotificationsReadAction", N.markAllOwnRead, "deny", "allow", "allow", "allow", "allow", "allow"],
  // Mail settings: one's own, whoever is signed in (a banned member too: it is their account).
  ["lib/notifications/preference-actions.ts#saveNotificationSettingsAction", NM.saveNotificationSettings, "deny", "allow", "allow", "allow", "allow", "allow"],
  ["lib/newsletter/actions.ts#subscribeAction",               A.subscribe,              "allow", "allow", "allow", "allow",  "allow", "allow"],
  ["lib/settings/actions.ts#updateSettingsAction",            A.updateSettings,         "deny",  "deny",  "deny",  "deny",   "allow", "deny"],
  ["lib/users/actions.ts#updateProfileAction",                A.updateProfile,          "deny",  "allow", "allow", "allow",  "allow", "allow"],
  ["lib/users/actions.ts#changePasswordAction",               A.changePassword,         "deny",  "allow", "allow", "allow",  "allow", "allow"],
  ["lib/users/actions.ts#deleteAccountAction",                A.deleteAccount,          "deny",  "allow", "allow", "allow",  "allow", "allow"],
  ["lib/users/actions.ts#setRoleAction",                      A.setRole,                "deny",  "deny",  "deny",  "deny",   "allow", "deny"],
  ["lib/trust/actions.ts#setTrustAction",                     A.setTrust,               "deny",  "deny",  "deny",  "deny",   "allow", "deny"],
  // Following is the member's own business, so a banned member may follow too.
  ["lib/follows/actions.ts#followAction",                     F.followDiscussion,       "deny",  "allow", "allow", "allow",  "allow", "allow"],
  ["lib/follows/actions.ts#followAction",                     F.followThread,           "deny",  "allow", "allow", "allow",  "allow", "allow"],
  // The token in the mail is the credential, whoever holds it: no session is involved.
  ["lib/notifications/address-actions.ts#confirmAddressAction", F.confirmAddress,       "allow", "allow", "allow", "allow",  "allow", "allow"],
  ["lib/feeds/replies-feed-actions.ts#repliesFeedAction",     F.createRepliesFeed,      "deny",  "allow", "allow", "allow",  "allow", "allow"],
  ["lib/feeds/replies-feed-actions.ts#repliesFeedAction",     F.regenerateRepliesFeed,  "deny",  "allow", "allow", "allow",  "allow", "allow"],
  ["app/api/comments/route.ts#POST",                          R.postComment,            "allow", "allow", "allow", "allow",  "allow", "deny"],
  ["app/api/comments/route.ts#POST",                          R.postCommentAnonOff,     "deny",  "allow", "allow", "allow",  "allow", "deny"],
  ["app/api/comments/[id]/rating/route.ts#POST",              R.rate,                   "allow", "allow", "allow", "allow",  "allow", "deny"],
  ["app/api/comments/[id]/rating/route.ts#POST",              R.rateAnonOff,            "deny",  "allow", "allow", "allow",  "allow", "deny"],
  ["app/api/comments/[id]/rating/route.ts#POST",              R.flag,                   "allow", "allow", "allow", "allow",  "allow", "deny"],
  ["app/api/comments/[id]/spotlight/route.ts#POST",           R.spotlight,              "deny",  "allow", "allow", "allow",  "allow", "deny"],
  // The token in the mail is the credential, whoever holds it: no session is involved.
  ["app/api/newsletter/unsubscribe/route.ts#POST",            R.unsubscribe,            "allow", "allow", "allow", "allow",  "allow", "allow"],
  ["app/api/notifications/unsubscribe/route.ts#POST",         NM.unsubscribeNotifications, "allow", "allow", "allow", "allow", "allow", "allow"],
  ["app/signout/route.ts#POST",                               R.signOut,                "allow", "allow", "allow", "allow",  "allow", "allow"],
];

/** Endpoints with no row, and why. */
const EXEMPT: Record<string, string> = {
  // next-auth's own sign-in, callback and sign-out endpoints: they take OAuth redirects and
  // next-auth's CSRF token rather than a session, write only sessions and linked accounts, and are
  // covered by next-auth itself (the lockfile check keeps it at a patched version).
  "app/api/auth/[...nextauth]/route.ts#POST": "next-auth",
};

// Route handlers that must answer a request from another site anyway.
const CROSS_SITE_ALLOWED: Record<string, string> = {
  // RFC 8058 one-click unsubscribes are posted by mail providers' servers, not by this site.
  "app/api/newsletter/unsubscribe/route.ts#POST": "RFC 8058",
  "app/api/notifications/unsubscribe/route.ts#POST": "RFC 8058",
};

const { endpoints, inlineServerActions } = await enumerateEndpoints();
const byKey = new Map(endpoints.map((e) => [e.key, e]));
const endpoint = (key: string): Endpoint => {
  const found = byKey.get(key);
  if (!found) throw new Error(`${key} is in the matrix but was not found on disk`);
  return found;
};

type Cell = { key: string; matrixCase: MatrixCase; role: MatrixRole; expected: Expected };

const cells: Cell[] = MATRIX.flatMap(([key, matrixCase, ...expected]) => MATRIX_ROLES.map((role, i) => ({ key, matrixCase, role, expected: expected[i] })));

/** Allowed: it succeeded and did its write. Refused: a refusal, and not one part of the database changed. */
async function check({ key, matrixCase, role, expected }: Cell, origin?: string): Promise<void> {
  const report = await runCase(endpoint(key), matrixCase, role, { audit: expected === "deny", origin });
  const actual = { verdict: verdictOf(report.outcome), happened: report.happened, writes: report.writes };
  const want = { verdict: expected, happened: expected === "allow", writes: expected === "deny" ? [] : null };
  expect(actual, JSON.stringify(report.outcome).slice(0, 600)).toEqual(want);
}

// Sign-ups send a mail: to the log (whatever SMTP the environment names), kept out of the output.
beforeAll(() => {
  configureMail({ from: "matrix@example.com", smtp: null });
  vi.spyOn(console, "info").mockImplementation(() => {});
});
afterAll(() => {
  configureMail(undefined);
  vi.restoreAllMocks();
});

describe("the matrix covers every endpoint", () => {
  it("finds the server actions and route handlers on disk", () => {
    expect(byKey.has("lib/comments/actions.ts#postCommentAction")).toBe(true);
    expect(byKey.has("app/api/comments/route.ts#POST")).toBe(true);
    for (const key of Object.keys(EXEMPT)) expect(byKey.has(key), `${key} is exempt but no longer exists`).toBe(true);
  });

  it("has a row for every server action and mutating route handler", () => {
    const covered = new Set([...MATRIX.map(([key]) => key), ...Object.keys(EXEMPT)]);
    expect(endpoints.map((e) => e.key).filter((key) => !covered.has(key)), "endpoints without a row in MATRIX").toEqual([]);
    expect(MATRIX.map(([key]) => key).filter((key) => !byKey.has(key)), "rows for endpoints that no longer exist").toEqual([]);
  });

  it("has no inline server actions, which the enumeration cannot see", () => {
    expect(inlineServerActions).toEqual([]);
  });
});

describe("authorization matrix", () => {
  for (const cell of cells) {
    it(`${cell.key} · ${cell.matrixCase.label} · as ${cell.role} → ${cell.expected}`, () => check(cell));
  }
});

describe("cross-site requests to route handlers", () => {
  // Each route row's first signed-in caller that it allows, so only the Origin differs from an allowed call.
  const crossSite: Cell[] = MATRIX.filter(([key]) => key.startsWith("app/")).flatMap(([key, matrixCase, ...expected]) => {
    const role = MATRIX_ROLES.find((r, i) => r !== "visitor" && expected[i] === "allow");
    return role ? [{ key, matrixCase, role, expected: key in CROSS_SITE_ALLOWED ? ("allow" as const) : ("deny" as const) }] : [];
  });
  for (const cell of crossSite) {
    it(`${cell.key} · ${cell.matrixCase.label} · as ${cell.role} from another site → ${cell.expected}`, () => check(cell, "https://attacker.example"));
  }
});
