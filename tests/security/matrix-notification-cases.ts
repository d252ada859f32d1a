// The authorization matrix's cases for the /notifications page's forms
// (lib/notifications/read-actions.ts): a member marks their own notifications read, nobody marks
// anyone else's. The actions take the form's FormData alone (plain forms, no action state).
import { getDb } from "../../lib/db";
import { article, comment, member } from "./matrix-fixtures";
import type { CaseContext, MatrixCase } from "./matrix-harness";

const db = getDb();

/** A badge notification for the member (a fresh one for a visitor, who has none of their own). */
async function notificationFor(userId: string | undefined) {
  const owner = userId ?? (await member()).id;
  const on = await article();
  const c = await comment(on, owner);
  return db.notification.create({ data: { userId: owner, kind: "badge", detail: "insightful", commentId: c.id, articleId: on.id } });
}

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
}

async function markOne(t: CaseContext, ownerId: string | undefined) {
  const row = await notificationFor(ownerId);
  const outcome = await t.actionWith(form({ id: row.id, page: "1" }));
  return { outcome, happened: (await db.notification.findUniqueOrThrow({ where: { id: row.id } })).readAt !== null };
}

export const notificationCases = {
  markOwnRead: { label: "mark your own notification read", run: (t) => markOne(t, t.actor.user?.id) },
  markOthersRead: { label: "mark someone else's notification read", run: async (t) => markOne(t, (await member()).id) },
  markAllOwnRead: {
    label: "mark all your notifications read",
    run: async (t) => {
      const rows = [await notificationFor(t.actor.user?.id), await notificationFor(t.actor.user?.id)];
      const outcome = await t.actionWith(form({ through: new Date(Date.now() + 1000).toISOString(), page: "1" }));
      const unread = await db.notification.count({ where: { id: { in: rows.map((r) => r.id) }, readAt: null } });
      return { outcome, happened: unread === 0 };
    },
  },
} satisfies Record<string, MatrixCase>;
