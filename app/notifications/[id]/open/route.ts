import { getViewer } from "@/lib/auth/viewer";
import { openNotification } from "@/lib/notifications/read-mutations";
import { parseId } from "@/lib/route-params";

// An item's link on /notifications: marks it read on the way to its comment, with or without
// JavaScript. A GET that writes, but only the caller's own read mark (the id is unguessable and
// the write names the caller), and the page links here with plain <a>, never prefetched.
export const dynamic = "force-dynamic";

const seeOther = (location: string) => new Response(null, { status: 303, headers: { Location: location, "Cache-Control": "private, no-store" } });

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const id = parseId((await params).id);
  const viewer = await getViewer();
  if (!viewer) return seeOther(`/signin?callbackUrl=${encodeURIComponent(id ? `/notifications/${id}/open` : "/notifications")}`);
  const opened = id ? await openNotification(viewer, id) : null;
  return seeOther(opened ? opened.href : "/notifications?outcome=gone");
}
