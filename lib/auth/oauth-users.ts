// Links an OAuth identity (GitHub, Google) to a member: the same identity finds the same member;
// a new one with a verified email of an existing member joins that account; otherwise a new
// member is created with a handle derived from the profile name.
import { getDb } from "../db";
import { freeHandle, handleFromName } from "../users/handles";

export async function memberForOAuth(input: { provider: string; providerAccountId: string; email?: string | null; name?: string | null }): Promise<string | null> {
  const db = getDb();
  const linked = await db.account.findUnique({
    where: { provider_providerAccountId: { provider: input.provider, providerAccountId: input.providerAccountId } },
    select: { user: { select: { id: true, deletedAt: true, bannedAt: true } } },
  });
  if (linked) return linked.user.deletedAt ? null : linked.user.id;
  const email = input.email?.trim().toLowerCase();
  if (!email) return null;
  const existing = await db.user.findUnique({ where: { email }, select: { id: true, deletedAt: true } });
  const name = (input.name?.trim() || email.split("@")[0]).slice(0, 60);
  const userId = existing
    ? existing.deletedAt
      ? null
      : existing.id
    : (await db.user.create({ data: { email, name, handle: await freeHandle(handleFromName(name)) }, select: { id: true } })).id;
  if (!userId) return null;
  await db.account.create({ data: { userId, provider: input.provider, providerAccountId: input.providerAccountId } });
  return userId;
}
