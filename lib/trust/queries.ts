// Members' trust as the admin list shows it: the level they have now and whether an admin chose it.
import "server-only";
import { requireRole } from "../auth/roles";
import type { Viewer } from "../auth/viewer";
import { getDb } from "../db";
import { getSettings } from "../settings/queries";
import { trustLevelOf, type TrustLevel } from "./levels";

export type MemberTrust = { level: TrustLevel; chosen: string | null; flagsUpheld: number; flagsRejected: number };

/** Admins only (checked here too): a member's flag record is theirs and the moderators' to know. */
export async function trustOfMembers(viewer: Viewer | null, userIds: string[], now = new Date()): Promise<Map<string, MemberTrust>> {
  requireRole(viewer, "admin", "This page is for administrators.");
  const db = getDb();
  const [settings, users, comments] = await Promise.all([
    getSettings(),
    db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, role: true, createdAt: true, emailVerifiedAt: true, trustLevel: true, flagsUpheld: true, flagsRejected: true } }),
    db.comment.groupBy({ by: ["authorId"], where: { authorId: { in: userIds }, status: "published", deletedAt: null }, _count: { _all: true } }),
  ]);
  const accepted = new Map(comments.map((c) => [c.authorId, c._count._all]));
  return new Map(
    users.map((u) => {
      const isModerator = u.role === "moderator" || u.role === "admin";
      const level = trustLevelOf({ ...u, isModerator, acceptedComments: accepted.get(u.id) ?? 0 }, settings, now);
      return [u.id, { level, chosen: u.trustLevel, flagsUpheld: u.flagsUpheld, flagsRejected: u.flagsRejected }];
    }),
  );
}
