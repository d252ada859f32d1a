import { getViewer } from "@/lib/auth/viewer";
import { countUnreadNotifications } from "@/lib/notifications/queries";

// The bell's poll (components/notifications/notification-bell.tsx): the unread count alone, so a
// visible tab asking every half minute costs one indexed count. Nobody signed in: 401 and 0.
export const dynamic = "force-dynamic";

export async function GET() {
  const viewer = await getViewer();
  const headers = { "Cache-Control": "private, no-store" };
  if (!viewer) return Response.json({ unread: 0 }, { status: 401, headers });
  return Response.json({ unread: await countUnreadNotifications(viewer.id) }, { headers });
}
