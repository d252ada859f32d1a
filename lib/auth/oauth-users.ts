// Finds or makes the member for an OAuth identity (GitHub, Google):
// - an identity already linked signs in its member;
// - otherwise only an address the provider verified counts (./oauth-email.ts):
//   - no account uses it: a new member, verified (the provider checked the address);
//   - an account without a password of its own (made through OAuth) uses it: the identity joins it;
//   - an account with a password uses it: refused. Joining would let whoever holds the provider
//     account into a member's password account without that member saying so, or hand the owner
//     of an address an account that someone who registered it first knows the password of. The
//     member signs in with their password (or resets it, which proves the address) instead.
import { stripBidiControls } from "../text";
import { getDb, isUniqueViolation } from "../db";
import { FieldError } from "../errors";
import { insertMember } from "../users/mutations";

export type OAuthIdentity = { provider: string; providerAccountId: string; verifiedEmail: string | null; name?: string | null };
export type OAuthRefusal = "unverified-email" | "password-account" | "unavailable";
export type OAuthOutcome = { userId: string } | { refused: OAuthRefusal };

// Requests racing for one identity can each lose once: first making the member (the address
// taken), then linking the identity to it (the link made). Each retry reads what the others
// wrote, so two retries are enough; the third loss is not a race.
const RACE_RETRIES = 2;

export async function memberForOAuth(input: OAuthIdentity, retries = RACE_RETRIES): Promise<OAuthOutcome> {
  const db = getDb();
  const linked = await db.account.findUnique({
    where: { provider_providerAccountId: { provider: input.provider, providerAccountId: input.providerAccountId } },
    select: { user: { select: { id: true, deletedAt: true } } },
  });
  if (linked) return linked.user.deletedAt ? { refused: "unavailable" } : { userId: linked.user.id };
  const email = input.verifiedEmail;
  if (!email) return { refused: "unverified-email" };
  const existing = await db.user.findUnique({ where: { email }, select: { id: true, deletedAt: true, passwordHash: true } });
  if (existing?.deletedAt) return { refused: "unavailable" };
  if (existing?.passwordHash) return { refused: "password-account" };
  try {
    const userId = existing ? existing.id : (await insertMember({ email, name: nameFor(input.name, email), passwordHash: null, emailVerifiedAt: new Date() })).id;
    await db.$transaction([
      db.account.create({ data: { userId, provider: input.provider, providerAccountId: input.providerAccountId } }),
      db.user.updateMany({ where: { id: userId, emailVerifiedAt: null }, data: { emailVerifiedAt: new Date() } }),
    ]);
    return { userId };
  } catch (error) {
    // The same identity or address signing in twice at once: the other request made the rows.
    const raced = isUniqueViolation(error) || (error instanceof FieldError && error.field === "email");
    if (raced && retries > 0) return memberForOAuth(input, retries - 1);
    throw error;
  }
}

// A provider's display name goes through the same cleaning as a typed one: no bidi controls
// (a byline must not read as someone else's).
const nameFor = (name: string | null | undefined, email: string) => (stripBidiControls(name ?? "").trim() || email.split("@")[0]).slice(0, 60);
