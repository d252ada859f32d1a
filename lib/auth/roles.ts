import { ForbiddenError } from "../errors";

export const roles = ["reader", "author", "moderator", "admin"] as const;
export type Role = (typeof roles)[number];

const rank: Record<Role, number> = { reader: 0, author: 1, moderator: 2, admin: 3 };

/** Roles are ordered: an admin may do what a moderator may, a moderator what an author may… */
export function hasRole(viewer: { role: Role } | null | undefined, atLeast: Role): boolean {
  return !!viewer && rank[viewer.role] >= rank[atLeast];
}

export function requireRole<V extends { role: Role }>(viewer: V | null | undefined, atLeast: Role, message?: string): V {
  if (!viewer || !hasRole(viewer, atLeast)) throw new ForbiddenError(message);
  return viewer;
}

export const isModerator = (viewer: { role: Role } | null | undefined) => hasRole(viewer, "moderator");
export const isAdmin = (viewer: { role: Role } | null | undefined) => hasRole(viewer, "admin");
