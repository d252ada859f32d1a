import { revalidateArticle } from "@/lib/cache/revalidate";
import { z } from "zod";
import { getViewer } from "@/lib/auth/viewer";
import { createComment } from "@/lib/comments/mutations";
import { AnonymousPoster, CreateCommentInput } from "@/lib/comments/schemas";
import { expectedFailure, invalidJson, jsonProblem } from "@/lib/http/json";
import { readJson } from "@/lib/http/body-limit";
import { isSameOrigin } from "@/lib/http/same-origin";
import { clientNetwork } from "@/lib/request";
import { getSettings } from "@/lib/settings/queries";
import { ensureVisitorId } from "@/lib/visitor";

// Posting a comment from a script or app: the same rules as the form (who may post, flood
// limits, duplicates, moderation of link-heavy anonymous posts), answered in JSON, with HTTP 429
// and Retry-After when posting too fast.
//
// Cookies authenticate, so cross-site forgery is shut out twice: a browser only sends
// application/json cross-site after a CORS preflight this route never approves, and a request
// that says where it comes from (Origin) must come from this site.

// A 10,000-character comment is at most ~60 KB of JSON, even written all in \u escapes.
const BODY_LIMIT = 256 * 1024;

const Fields = z.strictObject({
  articleId: z.string(),
  parentId: z.string().optional(),
  subject: z.string().optional(),
  body: z.string(),
  anonName: z.string().optional(),
  anonEmail: z.string().optional(),
  anonWebsite: z.string().optional(),
});

export async function POST(request: Request) {
  if (request.headers.get("origin") !== null && !isSameOrigin(request)) {
    return jsonProblem(403, { error: "forbidden", message: "Cross-site request refused." });
  }
  if (!/^application\/json\b/i.test(request.headers.get("content-type") ?? "")) {
    return jsonProblem(415, { error: "unsupported_media_type", message: "Send the comment as application/json." });
  }
  const raw = await readJson(request, BODY_LIMIT);
  if (!raw.ok) return raw.response;
  const shape = Fields.safeParse(raw.value);
  if (!shape.success) return invalidJson(shape.error);
  const f = { ...shape.data, parentId: shape.data.parentId ?? "", subject: shape.data.subject ?? "" };
  const input = CreateCommentInput.safeParse(f);
  if (!input.success) return invalidJson(input.error);

  const viewer = await getViewer();
  let anonymous: AnonymousPoster | undefined;
  if (!viewer) {
    if (!(await getSettings()).anonymousCommenting) return jsonProblem(401, { error: "unauthorized", message: "Please sign in to comment." });
    const anon = AnonymousPoster.safeParse({ anonName: f.anonName ?? "", anonEmail: f.anonEmail ?? "", anonWebsite: f.anonWebsite ?? "" });
    if (!anon.success) return invalidJson(anon.error);
    anonymous = anon.data;
  }
  try {
    const created = await createComment({ viewer, anonymous, visitorId: await ensureVisitorId(), ...(await clientNetwork()) }, input.data);
    if (created.status === "published") revalidateArticle(created.articleSlug);
    const url = `/comments/${created.id}`;
    return Response.json({ id: created.id, status: created.status, url }, { status: 201, headers: { Location: url, "Cache-Control": "no-store" } });
  } catch (error) {
    return expectedFailure(error);
  }
}
