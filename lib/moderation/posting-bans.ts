// What a ban of an anonymous poster covers when someone posts again. Their signed visitor key
// and the keyed hash of the email they gave refuse the comment, whatever address or cookie comes
// with it. Their network, for a while, holds new comments for a moderator instead: the poster may
// have dropped the cookie and changed address, but their neighbours share the network, so it
// slows them down without silencing anyone. The bans themselves are written in ./bans.ts.
import { createHmac } from "node:crypto";
import { getDb } from "../db";
import { authSecret } from "../env";

/** How long a banned poster's network stays held for review (a constant until it is a setting). */
export const NETWORK_BAN_DAYS = 30;
export const NETWORK_BAN_MS = NETWORK_BAN_DAYS * 24 * 3600_000;

/**
 * The keyed hash an email ban is stored under: lower-cased and trimmed, then an HMAC with the
 * site's secret, so a leaked ban list names no address and cannot be checked against a list of
 * them. The address itself is never stored in the ban.
 */
export function emailBanHash(email: string): string {
  return createHmac("sha256", authSecret()).update(`email-ban:${email.trim().toLowerCase()}`).digest("base64url");
}

/** A network's ban, when one is in force at `now`. */
export async function liveNetworkBan(network: string | null, now: Date): Promise<{ createdAt: Date; expiresAt: Date } | null> {
  if (!network) return null;
  const ban = await getDb().networkBan.findUnique({ where: { network }, select: { createdAt: true, expiresAt: true } });
  return ban && ban.expiresAt > now ? ban : null;
}

export type PostingCheck =
  | { kind: "anonymous"; visitorId: string; email: string; network: string | null }
  | { kind: "member"; userId: string; isStaff: boolean; network: string | null };

/**
 * "refused" (a banned visitor or email), "held" (a banned network), or null. Members are held
 * only when their account is younger than the network's ban: the banned poster signing up anew
 * from there waits for a moderator, the neighbours who were members before do not.
 */
export async function postingBan(poster: PostingCheck, now: Date): Promise<"refused" | "held" | null> {
  const db = getDb();
  if (poster.kind === "anonymous") {
    const [visitor, email, network] = await Promise.all([
      db.visitorBan.findUnique({ where: { visitorKey: poster.visitorId }, select: { visitorKey: true } }),
      db.emailBan.findUnique({ where: { emailHash: emailBanHash(poster.email) }, select: { emailHash: true } }),
      liveNetworkBan(poster.network, now),
    ]);
    if (visitor || email) return "refused";
    return network ? "held" : null;
  }
  if (poster.isStaff) return null;
  const network = await liveNetworkBan(poster.network, now);
  if (!network) return null;
  const user = await db.user.findUnique({ where: { id: poster.userId }, select: { createdAt: true } });
  return user && user.createdAt >= network.createdAt ? "held" : null;
}
