// How each mutating route handler of the authorization matrix is called (a plain Request with the
// caller's cookie and a same-site Origin, JSON answers asked for where the route offers them), and
// how to see whether its write happened. What each role should get is the table in
// authorization-matrix.test.ts.
import { getDb } from "../../lib/db";
import { article, comment, subscriber, unique } from "./matrix-fixtures";
import type { CaseContext, MatrixCase } from "./matrix-harness";

const db = getDb();
const JSON_ANSWER = "application/json";

async function postComment(t: CaseContext) {
  const on = await article();
  const body = `Matrix comment ${unique()}`;
  const outcome = await t.route({ path: "/api/comments", json: { articleId: on.id, subject: "Matrix", body, anonName: "Passer-by", anonEmail: "passer-by@example.net" } });
  return { outcome, happened: (await db.comment.count({ where: { articleId: on.id, body } })) === 1 };
}

async function rate(t: CaseContext, form: Record<string, string>) {
  const c = await comment(await article());
  const outcome = await t.route({ path: `/api/comments/${c.id}/rating`, params: { id: c.id }, form, accept: JSON_ANSWER });
  const rows = form.control === "flag" ? await db.flag.count({ where: { commentId: c.id } }) : await db.vote.count({ where: { commentId: c.id } });
  return { outcome, happened: rows === 1 };
}

const rateInsightful = (t: CaseContext) => rate(t, { control: "insightful", on: "1" });

export const routeCases = {
  postComment: { label: "post a comment (JSON API)", run: postComment },
  postCommentAnonOff: { label: "post a comment (JSON API), anonymous commenting off", settings: { anonymousCommenting: false }, run: postComment },
  rate: { label: "rate a comment insightful", run: rateInsightful },
  rateAnonOff: { label: "rate a comment, anonymous rating off", settings: { anonymousRating: false }, run: rateInsightful },
  flag: { label: "flag a comment", run: (t) => rate(t, { control: "flag", on: "1", reason: "spam" }) },
  spotlight: {
    label: "buy a comment the First Word",
    credits: 10,
    run: async (t) => {
      const on = await article();
      const c = await comment(on);
      const outcome = await t.route({ path: `/api/comments/${c.id}/spotlight`, params: { id: c.id }, form: { kind: "first" }, accept: JSON_ANSWER });
      return { outcome, happened: (await db.spotlight.count({ where: { articleId: on.id } })) === 1 };
    },
  },
  unsubscribe: {
    label: "unsubscribe with a mail's token",
    run: async (t) => {
      const s = await subscriber();
      const outcome = await t.route({ path: "/api/newsletter/unsubscribe", form: { token: s.unsubscribeToken } });
      return { outcome, happened: (await db.newsletterSubscriber.findUniqueOrThrow({ where: { id: s.id } })).status === "unsubscribed" };
    },
  },
  signOut: {
    label: "sign out",
    run: async (t) => {
      const outcome = await t.route({ path: "/signout", form: { callbackUrl: "/" } });
      // Signed out: the caller's session row is gone (a visitor has none to begin with).
      return { outcome, happened: t.actor.user ? (await db.session.count({ where: { userId: t.actor.user.id } })) === 0 : true };
    },
  },
} satisfies Record<string, MatrixCase>;
