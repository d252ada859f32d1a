// Account writes. Each checks who may make it; uniqueness is settled by the database's unique
// indexes (two sign-ups racing for one email: one wins, the other gets a field message).
import "server-only";
import { getDb, isUniqueViolation } from "../db";
import { FieldError, ForbiddenError, NotFoundError } from "../errors";
import { DELETED_USER_NAME } from "../words";
import { hashPassword, verifyPassword } from "../auth/password";
import { requireRole, type Role } from "../auth/roles";
import type { Viewer } from "../auth/viewer";
import { freeHandle, handleFromName } from "./handles";
import type { ChangePasswordInput, RegisterInput, UpdateProfileInput } from "./schemas";

const EMAIL_TAKEN = "An account with this email already exists. Sign in instead?";
export const HANDLE_TAKEN = "That handle is taken. Try another.";


async function explainConflict(email: string | null, handle: string, exceptUserId?: string): Promise<FieldError> {
  const db = getDb();
  if (email && (await db.user.findUnique({ where: { email }, select: { id: true } }))) return new FieldError("email", EMAIL_TAKEN);
  const owner = await db.user.findUnique({ where: { handle }, select: { id: true } });
  if (owner && owner.id !== exceptUserId) return new FieldError("handle", HANDLE_TAKEN);
  return new FieldError(undefined, "That could not be saved just now. Please try again.");
}

export const isHandleTaken = async (handle: string) => (await getDb().user.findUnique({ where: { handle }, select: { id: true } })) !== null;

export type NewMember = {
  name: string;
  email: string;
  /** Left out, one is derived from the name. */
  handle?: string;
  passwordHash: string | null;
  role?: Role;
  emailVerifiedAt?: Date | null;
  /** The hash of a confirmation link to store with the account, in the same write. */
  verification?: { tokenHash: string; expiresAt: Date };
};

/**
 * Inserts an account. A taken email or chosen handle is a field error; a derived handle taken
 * between the check and the insert by a simultaneous sign-up with the same name is derived again
 * rather than bother the person with it.
 */
export async function insertMember(input: NewMember): Promise<{ id: string; handle: string }> {
  const db = getDb();
  for (let attempt = 0; ; attempt++) {
    const handle = input.handle ?? (await freeHandle(handleFromName(input.name)));
    try {
      return await db.user.create({
        data: {
          email: input.email,
          handle,
          name: input.name,
          passwordHash: input.passwordHash,
          role: input.role ?? "reader",
          emailVerifiedAt: input.emailVerifiedAt ?? null,
          emailVerifications: input.verification ? { create: input.verification } : undefined,
        },
        select: { id: true, handle: true },
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      const conflict = await explainConflict(input.email, handle);
      if (conflict.field === "handle" && !input.handle && attempt < 5) continue;
      throw conflict;
    }
  }
}

/**
 * Creates an account directly (the admin command, tests): a taken email is said plainly here.
 * The site's form goes through registerMember (./registration.ts), which never says it.
 */
export async function registerUser(input: RegisterInput & { role?: Role; emailVerified?: boolean }): Promise<{ id: string; handle: string }> {
  const db = getDb();
  if (await db.user.findUnique({ where: { email: input.email }, select: { id: true } })) throw new FieldError("email", EMAIL_TAKEN);
  if (input.handle && (await isHandleTaken(input.handle))) throw new FieldError("handle", HANDLE_TAKEN);
  const passwordHash = await hashPassword(input.password);
  return insertMember({ name: input.name, email: input.email, handle: input.handle, passwordHash, role: input.role, emailVerifiedAt: input.emailVerified ? new Date() : null });
}

export async function updateProfile(viewer: Viewer, input: UpdateProfileInput): Promise<{ handle: string; previousHandle: string }> {
  try {
    const user = await getDb().user.update({
      where: { id: viewer.id, deletedAt: null },
      data: { name: input.name, handle: input.handle, bio: input.bio },
      select: { handle: true },
    });
    return { handle: user.handle, previousHandle: viewer.handle };
  } catch (error) {
    if (isUniqueViolation(error)) throw await explainConflict(null, input.handle, viewer.id);
    throw error;
  }
}

export async function changePassword(viewer: Viewer, input: ChangePasswordInput): Promise<void> {
  const db = getDb();
  const user = await db.user.findUnique({ where: { id: viewer.id }, select: { passwordHash: true } });
  if (!user) throw new NotFoundError();
  if (!user.passwordHash || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new FieldError("currentPassword", "That is not your current password.");
  }
  const passwordHash = await hashPassword(input.newPassword);
  // Other browsers signed in with the old password are signed out; this one stays.
  await db.$transaction([
    db.user.update({ where: { id: viewer.id }, data: { passwordHash } }),
    db.session.deleteMany({ where: { userId: viewer.id, id: { not: viewer.sessionId } } }),
  ]);
}

/**
 * Deletes the account's personal data but keeps the row, so the member's comments stay in their
 * threads, shown as by a deleted user.
 */
export async function deleteAccount(viewer: Viewer, password: string): Promise<{ handle: string }> {
  const db = getDb();
  const user = await db.user.findUnique({ where: { id: viewer.id }, select: { passwordHash: true } });
  if (!user) throw new NotFoundError();
  if (user.passwordHash && !(await verifyPassword(user.passwordHash, password))) {
    throw new FieldError("password", "That is not your password.");
  }
  const tombstone = `deleted-${viewer.id}`;
  await db.$transaction([
    db.user.update({
      where: { id: viewer.id },
      data: {
        email: `${tombstone}@deleted.invalid`, handle: tombstone, name: DELETED_USER_NAME, bio: "", passwordHash: null, emailVerifiedAt: null, deletedAt: new Date(),
        // Their private feed address and unsubscribe link stop working with the account.
        notifyToken: null, repliesFeedToken: null, notifyMailMode: "never",
      },
    }),
    // What they followed and were told about is theirs alone: it goes (unsent mail included).
    db.follow.deleteMany({ where: { userId: viewer.id } }),
    db.notification.deleteMany({ where: { userId: viewer.id } }),
    db.account.deleteMany({ where: { userId: viewer.id } }),
    db.session.deleteMany({ where: { userId: viewer.id } }),
    db.passwordReset.deleteMany({ where: { userId: viewer.id } }),
    db.emailVerification.deleteMany({ where: { userId: viewer.id } }),
  ]);
  return { handle: viewer.handle };
}

/** Admins change roles; the change is recorded and applies to the member's next request. */
export async function setRole(actor: Viewer | "cli", userId: string, role: Role, reason?: string): Promise<void> {
  if (actor !== "cli") requireRole(actor, "admin", "Only admins can change roles.");
  if (actor !== "cli" && actor.id === userId && role !== "admin") throw new ForbiddenError("Admins cannot remove their own admin role.");
  const db = getDb();
  await db.$transaction(async (tx) => {
    const user = await tx.user.findFirst({ where: { id: userId, deletedAt: null }, select: { role: true } });
    if (!user) throw new NotFoundError("No such member.");
    await tx.user.update({ where: { id: userId }, data: { role } });
    await tx.moderationEvent.create({
      data: {
        actorId: actor === "cli" ? null : actor.id,
        action: "user.role",
        targetUserId: userId,
        reason: reason ?? `${user.role} → ${role}${actor === "cli" ? " (command line)" : ""}`,
      },
    });
  });
}
