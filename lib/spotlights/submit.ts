// Claiming a First Word or Last Word, the one write path (the route
// app/api/comments/[id]/spotlight only translates HTTP around it, lib/http/form-or-json.ts).
import "server-only";
import { getViewer } from "../auth/viewer";
import { showFreshTo } from "../cache/fresh-view";
import { revalidateArticle } from "../cache/revalidate";
import { SignInRequiredError } from "../errors";
import { claimedNoticeId } from "./claim-notice";
import { claimSpotlight } from "./mutations";
import type { SpotlightInput } from "./schemas";
import type { z } from "zod";

/** Claims the spotlight for the signed-in member; where to see it on the article (`asForm`: at
 * the notice a plain form lands on, which says it was done). */
export async function submitSpotlightClaim(commentId: string, { kind }: z.infer<typeof SpotlightInput>, { asForm = false } = {}): Promise<{ location: string }> {
  const viewer = await getViewer();
  if (!viewer) throw new SignInRequiredError("Sign in to spotlight a comment.");
  const { articleSlug } = await claimSpotlight(viewer, commentId, kind);
  await revalidateArticle(articleSlug);
  await showFreshTo(articleSlug);
  return { location: `/articles/${articleSlug}#${asForm ? claimedNoticeId(kind) : `${kind}-word`}` };
}
