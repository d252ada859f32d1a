// How each server action of the authorization matrix is called, and how to see whether its write
// happened. Every input is valid, so only who is calling decides the outcome; what each role
// should get is the table in authorization-matrix.test.ts.
import { verifyPassword } from "../../lib/auth/password";
import { issueResetToken } from "../../lib/auth/password-reset";
import { getDb } from "../../lib/db";
import { defaultSettings } from "../../lib/settings/defaults";
import { getSettings } from "../../lib/settings/queries";
import { article, comment, member, PASSWORD, unique } from "./matrix-fixtures";
import type { CaseContext, MatrixCase, Outcome } from "./matrix-harness";

const db = getDb();

const articleForm = (fields: { articleId?: string; title: string }, intent: string) => ({
  articleId: fields.articleId ?? "", title: fields.title, dept: "testing", slug: "", tags: "",
  body: "An article body.", excerpt: "", publishAt: "", tzOffset: "0", intent,
});

const commentForm = (articleId: string, body: string) => ({
  articleId, parentId: "", subject: "Matrix", body, anonName: "Passer-by", anonEmail: "passer-by@example.net", anonWebsite: "",
});

// A preview writes nothing: "allowed" is the rendered HTML coming back.
const rendered = (outcome: Outcome) =>
  outcome.kind === "state" && ["html", "previewHtml"].some((key) => typeof (outcome.value as Record<string, unknown>)[key] === "string");

const userRow = (id: string) => db.user.findUniqueOrThrow({ where: { id } });
const commentRow = (id: string) => db.comment.findUniqueOrThrow({ where: { id } });

async function editArticle(t: CaseContext, authorId: string | undefined) {
  const target = await article(authorId);
  const title = `Edited ${unique()}`;
  const outcome = await t.action(articleForm({ articleId: target.id, title }, "publish"));
  return { outcome, happened: (await db.article.findUniqueOrThrow({ where: { id: target.id } })).title === title };
}

async function editComment(t: CaseContext, authorId: string | undefined) {
  const c = await comment(await article(), authorId);
  const body = `Edited ${unique()}`;
  const outcome = await t.action({ commentId: c.id, subject: "Edited", body });
  return { outcome, happened: (await commentRow(c.id)).body === body };
}

// The edit page's Preview renders and stores nothing, for whoever may edit the comment.
async function previewCommentEdit(t: CaseContext, authorId: string | undefined) {
  const c = await comment(await article(), authorId);
  const before = (await commentRow(c.id)).body;
  const outcome = await t.action({ commentId: c.id, subject: "Previewed", body: `Previewed *${unique()}*`, intent: "preview" });
  return { outcome, happened: rendered(outcome) && (await commentRow(c.id)).body === before };
}

async function deleteComment(t: CaseContext, authorId: string | undefined) {
  const c = await comment(await article(), authorId);
  const outcome = await t.action({ commentId: c.id });
  return { outcome, happened: (await commentRow(c.id)).deletedAt !== null };
}

async function postComment(t: CaseContext) {
  const on = await article();
  const body = `Matrix comment ${unique()}`;
  const outcome = await t.action(commentForm(on.id, body));
  return { outcome, happened: (await db.comment.count({ where: { articleId: on.id, body } })) === 1 };
}

export const actionCases = {
  publishArticle: {
    label: "publish a new article",
    run: async (t) => {
      const title = `Matrix news ${unique()}`;
      const outcome = await t.action(articleForm({ title }, "publish"));
      return { outcome, happened: (await db.article.count({ where: { title } })) === 1 };
    },
  },
  previewInWriteForm: {
    label: "preview an article (the write form's Preview)",
    run: async (t) => {
      const outcome = await t.action(articleForm({ title: "Preview" }, "preview"));
      return { outcome, happened: rendered(outcome) };
    },
  },
  // A reader owning an article: an author demoted after writing it.
  editOwnArticle: { label: "edit one's own article", run: (t) => editArticle(t, t.actor.user?.id) },
  editOthersArticle: { label: "edit another author's article", run: (t) => editArticle(t, undefined) },
  livePreview: {
    label: "live preview of an article body",
    run: async (t) => {
      const outcome = await t.actionWith("# A heading");
      return { outcome, happened: rendered(outcome) };
    },
  },
  signIn: {
    label: "sign in (as oneself; a fresh member when signed out)",
    run: async (t) => {
      const account = t.actor.user ?? (await member());
      const before = await db.session.count({ where: { userId: account.id } });
      const outcome = await t.action({ email: account.email, password: PASSWORD, callbackUrl: "/" });
      return { outcome, happened: (await db.session.count({ where: { userId: account.id } })) === before + 1 };
    },
  },
  register: {
    label: "register a new account",
    run: async (t) => {
      const email = `new-${unique()}@example.com`;
      const outcome = await t.action({ name: "New Member", handle: "", email, password: PASSWORD, callbackUrl: "/" });
      return { outcome, happened: (await db.user.count({ where: { email } })) === 1 };
    },
  },
  resendVerification: {
    label: "ask for a new email confirmation link (for oneself)",
    run: async (t) => {
      const self = t.actor.user;
      if (self) await db.user.update({ where: { id: self.id }, data: { emailVerifiedAt: null } });
      const outcome = await t.action({});
      return { outcome, happened: self !== null && (await db.emailVerification.count({ where: { userId: self.id, usedAt: null } })) === 1 };
    },
  },
  requestPasswordReset: {
    label: "ask for a password reset link (for a member)",
    run: async (t) => {
      const target = await member();
      const outcome = await t.action({ email: target.email });
      return { outcome, happened: (await db.passwordReset.count({ where: { userId: target.id } })) === 1 };
    },
  },
  resetPassword: {
    label: "choose a new password with a mailed link",
    run: async (t) => {
      const target = await member();
      const password = `reset ${unique()} password`;
      const outcome = await t.action({ token: await issueResetToken(target.id), password });
      return { outcome, happened: await verifyPassword((await userRow(target.id)).passwordHash!, password) };
    },
  },
  postComment: { label: "post a comment", run: postComment },
  postCommentAnonOff: { label: "post a comment, anonymous commenting off", settings: { anonymousCommenting: false }, run: postComment },
  editOwnComment: { label: "edit one's own comment", run: (t) => editComment(t, t.actor.user?.id) },
  editOthersComment: { label: "edit another member's comment", run: (t) => editComment(t, undefined) },
  previewOwnCommentEdit: { label: "preview an edit of one's own comment (the edit page's Preview)", run: (t) => previewCommentEdit(t, t.actor.user?.id) },
  previewOthersCommentEdit: { label: "preview an edit of another member's comment", run: (t) => previewCommentEdit(t, undefined) },
  deleteOwnComment: { label: "delete one's own comment", run: (t) => deleteComment(t, t.actor.user?.id) },
  deleteOthersComment: { label: "delete another member's comment", run: (t) => deleteComment(t, undefined) },
  grantCredits: {
    label: "grant a member credits",
    run: async (t) => {
      const target = await member();
      const outcome = await t.action({ userId: target.id, amount: "7", reason: "For the matrix" });
      return { outcome, happened: (await userRow(target.id)).credits === 7 };
    },
  },
  approveComment: {
    label: "approve a hidden comment",
    run: async (t) => {
      const c = await comment(await article(), undefined, { status: "hidden", flagWeight: 6 });
      const outcome = await t.action({ commentId: c.id, reason: "" });
      return { outcome, happened: (await commentRow(c.id)).status === "published" };
    },
  },
  removeComment: {
    label: "remove a comment",
    run: async (t) => {
      const c = await comment(await article());
      const outcome = await t.action({ commentId: c.id, reason: "Off topic" });
      return { outcome, happened: (await commentRow(c.id)).status === "removed" };
    },
  },
  banAuthor: {
    label: "ban a comment's author",
    run: async (t) => {
      const author = await member();
      const c = await comment(await article(), author.id);
      const outcome = await t.action({ commentId: c.id, reason: "Spam" });
      return { outcome, happened: (await userRow(author.id)).bannedAt !== null };
    },
  },
  liftBan: {
    label: "lift a member's ban (moderation queue)",
    run: async (t) => {
      const target = await member("reader", { banned: true });
      const outcome = await t.action({ kind: "user", target: target.id });
      return { outcome, happened: (await userRow(target.id)).bannedAt === null };
    },
  },
  banMember: {
    label: "ban a member (members list)",
    run: async (t) => {
      const target = await member();
      const outcome = await t.action({ userId: target.id, reason: "Spam" });
      return { outcome, happened: (await userRow(target.id)).bannedAt !== null };
    },
  },
  liftMemberBan: {
    label: "lift a member's ban (members list)",
    run: async (t) => {
      const target = await member("reader", { banned: true });
      const outcome = await t.action({ userId: target.id });
      return { outcome, happened: (await userRow(target.id)).bannedAt === null };
    },
  },
  subscribe: {
    label: "subscribe to the newsletter",
    run: async (t) => {
      const email = `news-${unique()}@example.com`;
      const outcome = await t.action({ email });
      return { outcome, happened: (await db.newsletterSubscriber.count({ where: { email } })) === 1 };
    },
  },
  updateSettings: {
    label: "change site settings",
    run: async (t) => {
      const fields = Object.fromEntries(Object.entries(defaultSettings).map(([key, value]) => [key, value === true ? "on" : String(value)]));
      const outcome = await t.action({ ...fields, insightfulBadgeThreshold: "9" });
      return { outcome, happened: (await getSettings()).insightfulBadgeThreshold === 9 };
    },
  },
  updateProfile: {
    label: "update one's profile",
    run: async (t) => {
      const bio = `Bio ${unique()}`;
      const outcome = await t.action({ name: "Renamed", handle: t.actor.user?.handle ?? `h_${unique()}`, bio });
      return { outcome, happened: (await db.user.count({ where: { bio } })) === 1 };
    },
  },
  changePassword: {
    label: "change one's password",
    run: async (t) => {
      const id = t.actor.user?.id;
      const before = id ? (await userRow(id)).passwordHash : null;
      const outcome = await t.action({ currentPassword: PASSWORD, newPassword: "an entirely new password" });
      return { outcome, happened: id ? (await userRow(id)).passwordHash !== before : false };
    },
  },
  deleteAccount: {
    label: "delete one's account",
    run: async (t) => {
      const outcome = await t.action({ password: PASSWORD });
      return { outcome, happened: t.actor.user ? (await userRow(t.actor.user.id)).deletedAt !== null : false };
    },
  },
  setRole: {
    label: "change a member's role",
    run: async (t) => {
      const target = await member();
      const outcome = await t.action({ userId: target.id, role: "author" });
      return { outcome, happened: (await userRow(target.id)).role === "author" };
    },
  },
  setTrust: {
    label: "set a member's trust by hand",
    run: async (t) => {
      const target = await member();
      const outcome = await t.action({ userId: target.id, trust: "established" });
      return { outcome, happened: (await userRow(target.id)).trustLevel === "established" };
    },
  },
  upholdFlags: { label: "uphold a comment's flags", run: (t) => judgeFlags(t, "upheld") },
  rejectFlags: { label: "reject a comment's flags", run: (t) => judgeFlags(t, "rejected") },
} satisfies Record<string, MatrixCase>;

/** A comment with one open flag from a member, judged by the caller. */
async function judgeFlags(t: CaseContext, verdict: "upheld" | "rejected") {
  const c = await comment(await article());
  const flagger = await member();
  const flag = await db.flag.create({ data: { commentId: c.id, voterKey: `u:${flagger.id}`, voterKind: "member", userId: flagger.id, reason: "spam", weight: 1 } });
  const outcome = await t.action({ commentId: c.id, reason: "" });
  return { outcome, happened: (await db.flag.findUniqueOrThrow({ where: { id: flag.id } })).verdict === verdict };
}
