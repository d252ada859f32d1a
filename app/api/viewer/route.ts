import { getViewerState } from "@/lib/auth/viewer-state";
import { summaryOf } from "@/lib/auth/viewer-summary";
import { banReasonOf } from "@/lib/moderation/ban-reason";
import { countUnreadNotifications } from "@/lib/notifications/queries";
import { viewerArticleState } from "@/lib/ratings/queries";
import { parseId } from "@/lib/route-params";
import { readVisitorId } from "@/lib/visitor";
import { ANON_HINT, ANON_HINT_MAX_AGE } from "@/lib/auth/anon-hint";
import { isSecureSite } from "@/lib/auth/session";

// What the cached pages' client islands need to know about the person looking at them; with
// ?article=<id>, also which of that article's comments they may edit or delete, how they have
// rated and flagged them, and the raw counts they may see.
export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  // React's per-request memo does not reach route handlers: read the session once, here, with
  // the balance (shown in each comment's options, next to what a spotlight costs).
  const { viewer, credits } = await getViewerState();
  const articleId = parseId(new URL(request.url).searchParams.get("article") ?? "");
  const visitorId = viewer ? null : await readVisitorId();
  const [article, banReason, unreadNotifications] = await Promise.all([
    // The reader's ratings, which comments they may edit or delete, and what they follow ("Follow
    // this discussion", each comment's "Follow this thread").
    articleId ? viewerArticleState(articleId, viewer, visitorId) : undefined,
    // A banned member's comment form says why, instead of refusing what they wrote afterwards.
    viewer?.isBanned ? banReasonOf(viewer.id) : undefined,
    // The header bell's count; it polls /api/notifications/unread afterwards.
    viewer ? countUnreadNotifications(viewer.id) : undefined,
  ]);
  const own = { editable: article?.editable ?? [], deletable: article?.deletable ?? [] };
  const { ratings, follows } = article ?? {};
  const summary = { ...summaryOf(viewer, banReason), ...(unreadNotifications !== undefined ? { unreadNotifications } : {}) };
  const headers = new Headers({ "Cache-Control": "private, no-store" });
  // No one to know about: the pages need not ask again (lib/auth/anon-hint.ts).
  const nobody = !viewer && !visitorId;
  const secure = isSecureSite() ? "; Secure" : "";
  if (nobody) headers.append("Set-Cookie", `${ANON_HINT}=1; Path=/; Max-Age=${ANON_HINT_MAX_AGE}; SameSite=Lax${secure}`);
  else if (request.headers.get("cookie")?.includes(`${ANON_HINT}=`)) headers.append("Set-Cookie", `${ANON_HINT}=; Path=/; Max-Age=0; SameSite=Lax${secure}`);
  return Response.json({ ...summary, ...own, ratings, credits, follows }, { headers });
}
