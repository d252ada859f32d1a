// A member's notification mail settings: which replies they hear of by mail, and how often.
// Mail goes only to a verified address whatever the settings say; the sender reads them again
// when it sends, so a change applies to mail already waiting.
import "server-only";
import { z } from "zod";
import type { Viewer } from "../auth/viewer";
import { getDb } from "../db";
import { NotFoundError } from "../errors";
import type { MailMode } from "./mail-policy";

export const MAIL_MODES = ["instant", "digest", "never"] as const;

// A checkbox sends "on" when ticked and nothing at all when not (read as "").
const checkbox = z.string().max(10).transform((value) => value === "on");

export const NotificationSettingsInput = z.object({
  notifyReplies: checkbox,
  notifyFollowed: checkbox,
  notifyMailMode: z.enum(MAIL_MODES, { error: "Choose how often: at once, a daily digest or never." }),
});
export type NotificationSettingsInput = z.infer<typeof NotificationSettingsInput>;

export type NotificationSettings = { notifyReplies: boolean; notifyFollowed: boolean; notifyMailMode: MailMode; isEmailVerified: boolean };

export async function getNotificationSettings(viewer: Viewer | null): Promise<NotificationSettings | null> {
  if (!viewer) return null;
  const user = await getDb().user.findFirst({
    where: { id: viewer.id, deletedAt: null },
    select: { notifyReplies: true, notifyFollowed: true, notifyMailMode: true, emailVerifiedAt: true },
  });
  if (!user) return null;
  const mode = (MAIL_MODES as readonly string[]).includes(user.notifyMailMode) ? (user.notifyMailMode as MailMode) : "instant";
  return { notifyReplies: user.notifyReplies, notifyFollowed: user.notifyFollowed, notifyMailMode: mode, isEmailVerified: user.emailVerifiedAt !== null };
}

/** Saves the viewer's own settings (nobody else's: the viewer is the only row written). */
export async function updateNotificationSettings(viewer: Viewer, input: NotificationSettingsInput, now = new Date()): Promise<void> {
  const db = getDb();
  await db.$transaction(async (tx) => {
    const before = await tx.user.findFirst({ where: { id: viewer.id, deletedAt: null }, select: { notifyMailMode: true } });
    if (!before) throw new NotFoundError("Your account no longer exists.");
    await tx.user.update({ where: { id: viewer.id }, data: input });
    // Mail held back for a digest (or an hour) is looked at again by the next drain under the new
    // mode: switching from the digest to "at once" should not wait for tomorrow.
    if (before.notifyMailMode !== input.notifyMailMode) {
      await tx.notification.updateMany({ where: { userId: viewer.id, mailState: "queued", mailDueAt: { gt: now } }, data: { mailDueAt: now } });
    }
  });
}
