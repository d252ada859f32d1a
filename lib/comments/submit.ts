// Posting a comment, whichever way it arrives: the form's server action (lib/comments/actions.ts)
// and the JSON API (app/api/comments/route.ts) both call submitComment, and only translate its
// outcome (form state and redirects; JSON and status codes). Who may post, the anonymous fields,
// the limits and what a published comment invalidates are decided here once.
import "server-only";
import type { z } from "zod";
import { getViewer } from "../auth/viewer";
import { showFreshTo } from "../cache/fresh-view";
import { revalidateArticle } from "../cache/revalidate";
import { announceLiveComment } from "../live/announce";
import { SignInRequiredError } from "../errors";
import { kickSenderAfterResponse } from "../notifications/sender-kick";
import { requestReplyMailAfterResponse } from "../notifications/address";
import { clientNetwork } from "../request";
import { getSettings } from "../settings/queries";
import { ensureVisitorId } from "../visitor";
import { createComment, SIGN_IN_TO_COMMENT, type CreatedComment } from "./mutations";
import { AnonymousPoster, CreateCommentInput } from "./schemas";

export const COMMENT_FIELDS = ["articleId", "parentId", "subject", "body", "anonName", "anonEmail", "anonWebsite", "notifyReplies"] as const;
export type CommentFields = Partial<Record<(typeof COMMENT_FIELDS)[number], string>>;

export type SubmitOutcome = { invalid: z.ZodError } | { created: CreatedComment };

/**
 * Stores a comment from the fields as sent (missing ones count as empty). Bad input comes back as
 * `invalid`, with nothing stored; a refusal (signed out where anonymous posting is off, banned,
 * too fast, a duplicate) is thrown as a typed error from lib/errors.ts.
 */
export async function submitComment(fields: CommentFields): Promise<SubmitOutcome> {
  const sent = Object.fromEntries(COMMENT_FIELDS.map((name) => [name, fields[name] ?? ""]));
  const input = CreateCommentInput.safeParse(sent);
  if (!input.success) return { invalid: input.error };
  const viewer = await getViewer();
  let anonymous: AnonymousPoster | undefined;
  if (!viewer) {
    const anon = AnonymousPoster.safeParse(sent);
    if (!anon.success) {
      // A visitor who may not post at all is told to sign in, not to fill in a name. (Whether
      // they may is createComment's rule: asked here only when the fields are wrong anyway.)
      if (!(await getSettings()).anonymousCommenting) throw new SignInRequiredError(SIGN_IN_TO_COMMENT);
      return { invalid: anon.error };
    }
    anonymous = anon.data;
  }
  const created = await createComment({ viewer, anonymous, visitorId: await ensureVisitorId(), ...(await clientNetwork()) }, input.data);
  // "Email me when someone replies": the address follows this thread once confirmed (the
  // first time, a confirmation mail goes out). The comment stands even if that mail fails.
  if (anonymous?.notifyReplies) await requestReplyMailAfterResponse({ email: anonymous.anonEmail, articleId: input.data.articleId, commentId: created.id });
  if (created.status === "published") {
    await revalidateArticle(created.articleSlug);
    // The poster's next view of the article is rendered for them, with their comment in it.
    await showFreshTo(created.articleSlug);
    // Its notifications were queued with it; the mail goes once the answer has.
    kickSenderAfterResponse();
    // Readers who have the article open are told it is there (lib/live).
    await announceLiveComment(created.live);
  }
  return { created };
}
