import { z } from "zod";
import type { FormState } from "../forms";
import { cleanText, stripBidiControls } from "../text";
import { BODY_MAX, HONEYPOT_FIELD, SUBJECT_MAX } from "./limits";

// Re-exported for the server side; client forms import ./limits directly (no zod there).
export { BODY_MAX, HONEYPOT_FIELD, SUBJECT_MAX };

export type PostCommentState = FormState & { commentId?: string; commentHref?: string; held?: boolean; previewHtml?: string };

const Subject = z
  .string()
  .transform((s) => cleanText(s).trim())
  .pipe(z.string().max(SUBJECT_MAX, `Keep the subject to ${SUBJECT_MAX} characters or fewer.`));

const Body = z
  .string()
  .transform((s) => cleanText(s, { multiline: true }).trim())
  .pipe(z.string().min(1, "Write a comment first.").max(BODY_MAX, `Keep the comment to ${BODY_MAX.toLocaleString("en-US")} characters or fewer.`));

// Without bidi controls, which would let a visitor's name pose as someone else's (lib/text.ts).
const AnonName = z
  .string()
  .transform((s) => stripBidiControls(cleanText(s)).trim())
  .pipe(z.string().max(60, "Keep the name to 60 characters or fewer."));

const AnonEmail = z
  .string()
  .transform((s) => cleanText(s).trim().toLowerCase())
  .pipe(z.string().min(1, "Enter your email address (it is never shown).").max(254, "That email address is too long.").pipe(z.email({ error: "Enter a valid email address, like name@example.com." })));

const Website = z
  .string()
  .transform((s) => cleanText(s).trim())
  .pipe(
    z.union([
      z.literal(""),
      z
        .url({ protocol: /^https?$/, error: "Enter a web address starting with http:// or https://." })
        .max(300, "Keep the web address to 300 characters or fewer."),
    ]),
  );

const Id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "Unknown comment.");

export const CreateCommentInput = z.object({
  articleId: Id,
  parentId: z.union([z.literal("").transform(() => undefined), Id]).optional(),
  subject: Subject,
  body: Body,
});
export type CreateCommentInput = z.infer<typeof CreateCommentInput>;

// A ticked checkbox arrives as "on" (a form) or true (a script); anything else is no.
const Checkbox = z.union([z.boolean(), z.string()]).transform((v) => v === true || v === "on" || v === "true" || v === "1").optional();

// notifyReplies: "Email me when someone replies" (lib/notifications/address.ts).
export const AnonymousPoster = z.object({ anonName: AnonName, anonEmail: AnonEmail, anonWebsite: Website, notifyReplies: Checkbox });
export type AnonymousPoster = z.infer<typeof AnonymousPoster>;

export const EditCommentInput = z.object({ commentId: Id, subject: Subject, body: Body });
export type EditCommentInput = z.infer<typeof EditCommentInput>;
