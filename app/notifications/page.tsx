import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { NotificationList } from "@/components/notifications/notification-list";
import { UnreadSync } from "@/components/notifications/unread-sync";
import { Pagination } from "@/components/ui/pagination";
import { getViewer } from "@/lib/auth/viewer";
import { listNotifications } from "@/lib/notifications/queries";
import { markAllNotificationsReadAction } from "@/lib/notifications/read-actions";
import { pageHref, parsePageParam } from "@/lib/pagination";

export const metadata: Metadata = { title: "Notifications", robots: { index: false } };

type Props = { searchParams: Promise<{ page?: string | string[]; outcome?: string | string[] }> };

// What a refused "Mark as read" (lib/notifications/read-actions.ts) comes back to say.
const OUTCOMES: Record<string, string> = {
  forbidden: "That notification is not yours.",
  gone: "That notification no longer exists.",
  invalid: "That request was not understood. Please try again.",
};

// Per request and per member: who is looking decides everything on it.
export default async function NotificationsPage({ searchParams }: Props) {
  const viewer = await getViewer();
  if (!viewer) redirect("/signin?callbackUrl=/notifications");
  const query = await searchParams;
  const page = parsePageParam(query.page);
  if (page === null) redirect("/notifications");
  // When the page was shown: "Mark all as read" marks what was here then, not what came since.
  const shownAt = new Date();
  const list = await listNotifications(viewer.id, page, shownAt);
  if (!list) redirect(pageHref("/notifications", 1));
  const outcome = typeof query.outcome === "string" ? OUTCOMES[query.outcome] : undefined;
  return (
    <div className="narrow notifications-page">
      <h1>Notifications</h1>
      <UnreadSync unread={list.unread} />
      {outcome ? (
        <p role="alert" className="notice">
          {outcome}
        </p>
      ) : null}
      {list.total === 0 ? (
        <p>Nothing yet. When someone replies to you, you&apos;ll see it here.</p>
      ) : (
        <>
          <div className="notifications-page__summary">
            <p className="meta">{list.unread === 0 ? "All read." : `${list.unread} unread.`}</p>
            {list.unread > 0 ? (
              <form action={markAllNotificationsReadAction} className="inline-form">
                <input type="hidden" name="through" value={shownAt.toISOString()} />
                <input type="hidden" name="page" value={String(list.page)} />
                <button type="submit" className="button button--small button--secondary">
                  Mark all as read
                </button>
              </form>
            ) : null}
          </div>
          <NotificationList items={list.items} page={list.page} />
          <Pagination basePath="/notifications" page={list.page} totalPages={list.totalPages} label="Notification pages" />
        </>
      )}
    </div>
  );
}
