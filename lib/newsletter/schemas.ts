import { z } from "zod";
import { Email } from "../users/schemas";

export const SubscribeInput = z.object({ email: Email });
export type SubscribeInput = z.infer<typeof SubscribeInput>;

/** The answer to every valid sign-up, whatever the address's state: it never tells who is subscribed. */
export const SUBSCRIBE_DONE = "Check your inbox: we sent you a mail about your subscription. Open its link to confirm.";

/** Confirmation and unsubscribe tokens: 32 random bytes in base64url (43 characters). */
export const NewsletterToken = z.string().regex(/^[A-Za-z0-9_-]{32,64}$/);

/** A digest day, a UTC calendar day written YYYY-MM-DD. */
export const DigestDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Give the day as YYYY-MM-DD.")
  .refine((day) => {
    // Date rolls 2026-02-30 over to March, so a real day is one that survives the round trip.
    const date = new Date(`${day}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(day);
  }, "That day does not exist.");
