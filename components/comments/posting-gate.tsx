import { IntentLink } from "@/components/ui/intent-link";

/**
 * "Sign in now" / "Register here", coming back to where the comment is written: the article's
 * box, or for a reply the reply page (the reply form under a comment is closed after a page
 * load). The text typed so far is kept as a draft, so these links need not ask before leaving.
 */
export function SignInPrompt({ articlePath, parentId }: { articlePath: string; parentId?: string }) {
  const back = encodeURIComponent(parentId ? `/comments/${parentId}/reply` : `${articlePath}#leave-a-comment`);
  return (
    <p className="comment-gate">
      Have an account?{" "}
      <IntentLink href={`/signin?callbackUrl=${back}`} data-keeps-draft="">
        Sign in now
      </IntentLink>
      . Want one?{" "}
      <IntentLink href={`/register?callbackUrl=${back}`} data-keeps-draft="">
        Register here
      </IntentLink>
    </p>
  );
}

/** In place of the form for a member banned from posting: why, up front rather than after writing. */
export function BannedNotice({ reason }: { reason?: string | null }) {
  return <p className="comment-gate comment-gate--banned">You may not post comments: {reason || "a moderator has banned this account from posting."}</p>;
}
