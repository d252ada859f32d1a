// The matrix cases of following, anonymous addresses' confirmation and the private replies feed.
import { randomBytes } from "node:crypto";
import { getDb } from "../../lib/db";
import { article, comment, unique } from "./matrix-fixtures";
import type { CaseContext, MatrixCase } from "./matrix-harness";

const db = getDb();
const token = () => randomBytes(32).toString("base64url");

async function follow(t: CaseContext, thread: boolean) {
  const on = await article();
  const c = thread ? await comment(on) : undefined;
  const outcome = await t.action({ articleId: on.id, commentId: c?.id ?? "", intent: "follow" });
  const userId = t.actor.user?.id;
  const target = c ? `comment:${c.id}` : `article:${on.id}`;
  return { outcome, happened: userId !== undefined && (await db.follow.count({ where: { followerKey: `u:${userId}`, target } })) === 1 };
}

async function feedToken(t: CaseContext, intent: "create" | "regenerate") {
  const id = t.actor.user?.id;
  const before = intent === "regenerate" && id ? (await db.user.update({ where: { id }, data: { repliesFeedToken: token() } })).repliesFeedToken : null;
  const outcome = await t.action({ intent });
  const after = id ? (await db.user.findUniqueOrThrow({ where: { id } })).repliesFeedToken : null;
  return { outcome, happened: after !== null && after !== before };
}

export const followCases = {
  followDiscussion: { label: "follow a discussion", run: (t) => follow(t, false) },
  followThread: { label: "follow a thread", run: (t) => follow(t, true) },
  confirmAddress: {
    label: "confirm an anonymous poster's address with the mailed link",
    run: async (t) => {
      const row = await db.mailAddress.create({ data: { email: `anon-${unique()}@example.com`, confirmToken: token(), unsubscribeToken: token() } });
      const outcome = await t.action({ token: row.confirmToken });
      return { outcome, happened: (await db.mailAddress.findUniqueOrThrow({ where: { id: row.id } })).confirmedAt !== null };
    },
  },
  createRepliesFeed: { label: "create one's replies feed address", run: (t) => feedToken(t, "create") },
  regenerateRepliesFeed: { label: "make a new replies feed address", run: (t) => feedToken(t, "regenerate") },
} satisfies Record<string, MatrixCase>;
