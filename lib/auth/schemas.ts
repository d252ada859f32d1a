import { z } from "zod";

/**
 * A confirmation link's token: 32 random bytes in base64url (lib/auth/mailed-token.ts). Anything
 * else is a link that never worked, refused before any database lookup.
 */
export const VerificationToken = z.string().regex(/^[A-Za-z0-9_-]{43}$/, "This link is not an email confirmation link.");
