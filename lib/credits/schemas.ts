import { z } from "zod";

// A grant is a whole number of credits; a negative one corrects a mistaken grant. Zero means nothing.
export const CreditAmount = z.coerce
  .number({ error: "Enter a whole number of credits." })
  .int("Enter a whole number of credits.")
  .min(-100_000, "That is more than can be taken back at once.")
  .max(100_000, "Grant at most 100,000 credits at once.")
  .refine((n) => n !== 0, "Enter a number of credits other than 0.");

export const GrantReason = z.string().trim().max(200, "Keep the reason to 200 characters or fewer.");
