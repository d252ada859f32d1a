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
