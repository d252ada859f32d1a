// Claiming a First Word or Last Word, the one write path (the route
// app/api/comments/[id]/spotlight only translates HTTP around it, lib/http/form-or-json.ts).
import "server-only";
import { getViewer } from "../auth/viewer";
import { showFreshTo } from "../cache/fresh-view";
import { revalidateArticle } from "../cache/revalidate";
import { SignInRequiredError } from "../errors";
import { claimSpotlight } from "./mutations";
import type { SpotlightInput } from "./schemas";
import type { z } from "zod";

/** Claims the spotlight for the signed-in member; where to see it on the article. */
export async function submitSpotlightClaim(commentId: string, { kind }: z.infer<typeof SpotlightInput>): Promise<{ location: string }> {
  const viewer = await getViewer();
  if (!viewer) throw new SignInRequiredError("Sign in to spotlight a comment.");
  const { articleSlug } = await claimSpotlight(viewer, commentId, kind);
  revalidateArticle(articleSlug);
  await showFreshTo(articleSlug);
  return { location: `/articles/${articleSlug}#${kind}-word` };
}
