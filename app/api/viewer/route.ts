import { getViewer } from "@/lib/auth/viewer";
import { summaryOf } from "@/lib/auth/viewer-summary";
import { listOwnComments } from "@/lib/comments/edit-mutations";
import { banReasonOf } from "@/lib/moderation/ban-reason";
import { getBalance } from "@/lib/credits/ledger";
import { countUnreadNotifications } from "@/lib/notifications/queries";
import { viewerRatings } from "@/lib/ratings/queries";
import { parseId } from "@/lib/route-params";
import { readVisitorId } from "@/lib/visitor";
import { ANON_HINT, ANON_HINT_MAX_AGE } from "@/lib/auth/anon-hint";
import { isSecureSite } from "@/lib/auth/session";
import { listArticleFollows } from "@/lib/follows/queries";

// What the cached pages' client islands need to know about the person looking at them; with
// ?article=<id>, also which of that article's comments they may edit or delete, how they have
// rated and flagged them, and the raw counts they may see.
export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  // React's per-request memo does not reach route handlers: read the session once, here.
  const viewer = await getViewer();
  const articleId = parseId(new URL(request.url).searchParams.get("article") ?? "");
  const visitorId = viewer ? null : await readVisitorId();
  const [own, ratings, credits, banReason, unreadNotifications, follows] = await Promise.all([
    viewer && articleId ? listOwnComments(viewer, articleId) : { editable: [], deletable: [] },
    articleId ? viewerRatings(articleId, viewer, visitorId) : undefined,
    // The balance is shown in each comment's options, next to what a spotlight costs.
    viewer ? getBalance(viewer.id) : undefined,
    // A banned member's comment form says why, instead of refusing what they wrote afterwards.
    viewer?.isBanned ? banReasonOf(viewer.id) : undefined,
    // The header bell's count; it polls /api/notifications/unread afterwards.
    viewer ? countUnreadNotifications(viewer.id) : undefined,
    // "Follow this discussion" and each comment's "Follow this thread" show what is followed.
    viewer && articleId ? listArticleFollows(viewer.id, articleId) : undefined,
  ]);
  const summary = { ...summaryOf(viewer, banReason), ...(unreadNotifications !== undefined ? { unreadNotifications } : {}) };
  const headers = new Headers({ "Cache-Control": "private, no-store" });
  // No one to know about: the pages need not ask again (lib/auth/anon-hint.ts).
  const nobody = !viewer && !visitorId;
  const secure = isSecureSite() ? "; Secure" : "";
  if (nobody) headers.append("Set-Cookie", `${ANON_HINT}=1; Path=/; Max-Age=${ANON_HINT_MAX_AGE}; SameSite=Lax${secure}`);
  else if (request.headers.get("cookie")?.includes(`${ANON_HINT}=`)) headers.append("Set-Cookie", `${ANON_HINT}=; Path=/; Max-Age=0; SameSite=Lax${secure}`);
  return Response.json({ ...summary, ...own, ratings, credits, follows }, { headers });
}
