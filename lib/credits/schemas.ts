import { z } from "zod";
import { cleanText } from "../text";

// A grant is a whole number of credits; a negative one corrects a mistaken grant. Zero means nothing.
export const CreditAmount = z.coerce
  .number({ error: "Enter a whole number of credits." })
  .int("Enter a whole number of credits.")
  .min(-100_000, "That is more than can be taken back at once.")
  .max(100_000, "Grant at most 100,000 credits at once.")
  .refine((n) => n !== 0, "Enter a number of credits other than 0.");

// The reason goes into the ledger and the moderation log: cleaned like all stored text (a NUL
// here made PostgreSQL refuse the grant with a 500).
export const GrantReason = z
  .string()
  .transform((s) => cleanText(s).trim())
  .pipe(z.string().max(200, "Keep the reason to 200 characters or fewer."));

/** The members list's "Grant credits" form. */
export const GrantCreditsInput = z.object({ userId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "Unknown member."), amount: CreditAmount, reason: GrantReason });
export type GrantCreditsInput = z.infer<typeof GrantCreditsInput>;
