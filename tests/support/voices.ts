// Members and networks for tests of rating, flagging and moderation. Members are written
// straight to the database with the facts trust is earned from (age, a verified email) or an
// admin's level, so a test says which voice it needs instead of waiting a day for one.
import { randomBytes } from "node:crypto";
import type { Role } from "../../lib/auth/roles";
import type { Viewer } from "../../lib/auth/viewer";
import { getDb } from "../../lib/db";
import type { MemberTrustLevel } from "../../lib/trust/levels";

const unique = () => randomBytes(5).toString("hex");
const DAY = 86_400_000;

export type TestMemberOptions = {
  role?: Role;
  /** An admin's choice of level; without one the level is earned from age and verification. */
  trust?: MemberTrustLevel;
  ageDays?: number;
  verified?: boolean;
  flagsUpheld?: number;
  flagsRejected?: number;
};

export async function testMember(options: TestMemberOptions = {}): Promise<Viewer> {
  const { role = "reader", ageDays = 0, verified = true } = options;
  const id = unique();
  const createdAt = new Date(Date.now() - ageDays * DAY);
  const user = await getDb().user.create({
    data: {
      email: `m-${id}@example.com`,
      handle: `m_${id}`,
      name: `Member ${id}`,
      role,
      createdAt,
      emailVerifiedAt: verified ? createdAt : null,
      trustLevel: options.trust ?? null,
      flagsUpheld: options.flagsUpheld ?? 0,
      flagsRejected: options.flagsRejected ?? 0,
    },
    select: { id: true, handle: true, name: true },
  });
  return { ...user, role, isBanned: false, sessionId: "test" };
}

let networkCounter = Math.floor(Math.random() * 50_000);

/** A network no other test uses (a /24 in 10.0.0.0/8), so per-network caps never meet by chance. */
export function testNetwork(): string {
  const n = networkCounter++ % 65_536;
  return `10.${n >> 8}.${n & 255}.0/24`;
}
