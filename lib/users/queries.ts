import "server-only";
import { requireRole } from "../auth/roles";
import type { Viewer } from "../auth/viewer";
import { getDb } from "../db";
import { parseHandle } from "../route-params";

export type PublicProfile = {
  id: string;
  handle: string;
  name: string;
  bio: string;
  joinedAt: string;
  isAuthor: boolean;
};

/** A member's public face: never the email, never anything of a deleted account. */
export async function getPublicProfile(rawHandle: string): Promise<PublicProfile | null> {
  const handle = parseHandle(rawHandle);
  if (!handle) return null;
  const user = await getDb().user.findFirst({
    where: { handle, deletedAt: null },
    select: { id: true, handle: true, name: true, bio: true, createdAt: true, role: true },
  });
  if (!user) return null;
  return {
    id: user.id,
    handle: user.handle,
    name: user.name,
    bio: user.bio,
    joinedAt: user.createdAt.toISOString(),
    isAuthor: user.role !== "reader",
  };
}

/**
 * What the settings page shows the member about themselves (their own email included). It takes
 * the viewer, not an id, so it can only ever read the caller's own account; nobody gets null.
 */
export async function getOwnAccount(viewer: Viewer | null) {
  if (!viewer) return null;
  const user = await getDb().user.findUnique({
    where: { id: viewer.id },
    select: { name: true, handle: true, bio: true, email: true, passwordHash: true, emailVerifiedAt: true },
  });
  if (!user) return null;
  return { name: user.name, handle: user.handle, bio: user.bio, email: user.email, hasPassword: user.passwordHash !== null, isEmailVerified: user.emailVerifiedAt !== null };
}

export type AdminUserRow = { id: string; handle: string; name: string; email: string; role: "reader" | "author" | "moderator" | "admin"; joinedAt: string; isBanned: boolean; credits: number };

/**
 * Members for the admin list, searchable by name, handle or email. Their emails are private, so
 * the caller must be an admin, checked here too: anyone else gets a ForbiddenError and no rows.
 */
export async function listUsersForAdmin(viewer: Viewer | null, query: string, page: number, perPage = 25): Promise<{ rows: AdminUserRow[]; total: number }> {
  requireRole(viewer, "admin", "This page is for administrators.");
  const q = query.trim().toLowerCase().replace(/\0/g, "").slice(0, 100);
  const where = {
    deletedAt: null,
    ...(q ? { OR: [{ email: { contains: q } }, { handle: { contains: q } }, { name: { contains: query.trim().replace(/\0/g, "").slice(0, 100) } }] } : {}),
  };
  const db = getDb();
  const [total, users] = await Promise.all([
    db.user.count({ where }),
    db.user.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      skip: (page - 1) * perPage,
      take: perPage,
      select: { id: true, handle: true, name: true, email: true, role: true, createdAt: true, bannedAt: true, credits: true },
    }),
  ]);
  return {
    total,
    rows: users.map((u) => ({ id: u.id, handle: u.handle, name: u.name, email: u.email, role: u.role, joinedAt: u.createdAt.toISOString(), isBanned: u.bannedAt !== null, credits: u.credits })),
  };
}
