// The authorization matrix's cases for notification mail: a member saves their own mail settings
// (lib/notifications/preference-actions.ts), and whoever holds a mail's token stops that mail
// (app/api/notifications/unsubscribe/route.ts, the RFC 8058 one-click URL).
import { randomBytes } from "node:crypto";
import { getDb } from "../../lib/db";
import { member } from "./matrix-fixtures";
import type { MatrixCase } from "./matrix-harness";

const db = getDb();

export const notificationMailCases = {
  saveNotificationSettings: {
    label: "save one's notification mail settings",
    run: async (t) => {
      const outcome = await t.action({ notifyReplies: "", notifyFollowed: "on", notifyMailMode: "digest" });
      const id = t.actor.user?.id;
      const row = id ? await db.user.findUniqueOrThrow({ where: { id }, select: { notifyReplies: true, notifyMailMode: true } }) : null;
      return { outcome, happened: row?.notifyMailMode === "digest" && row.notifyReplies === false };
    },
  },
  unsubscribeNotifications: {
    label: "stop notification mail with a mail's token",
    run: async (t) => {
      const owner = await member();
      const notifyToken = randomBytes(32).toString("base64url");
      await db.user.update({ where: { id: owner.id }, data: { notifyToken } });
      const outcome = await t.route({ path: "/api/notifications/unsubscribe", form: { token: notifyToken } });
      return { outcome, happened: (await db.user.findUniqueOrThrow({ where: { id: owner.id } })).notifyMailMode === "never" };
    },
  },
} satisfies Record<string, MatrixCase>;
