import { RelativeTime } from "@/components/ui/relative-time";
import { markNotificationReadAction } from "@/lib/notifications/read-actions";
import type { NotificationItem } from "@/lib/notifications/queries";

/**
 * The member's notifications, newest first. Unread ones say so in words (and a bar, for those who
 * see it); each one's sentence is the link to its comment, through the route that marks it read.
 * Plain <a>, not next/link: a prefetch of that route would mark the item read unseen.
 */
export function NotificationList({ items, page }: { items: NotificationItem[]; page: number }) {
  return (
    <ol className="notification-list">
      {items.map((item) => (
        <li key={item.id} className={item.isRead ? "notification" : "notification notification--unread"}>
          <p className="notification__line">
            {item.isRead ? null : <strong className="notification__state">Unread: </strong>}
            <a href={item.openHref}>{item.sentence}</a>
          </p>
          <div className="meta notification__meta">
            <RelativeTime iso={item.createdAt} />
            {item.isRead ? null : (
              <form action={markNotificationReadAction} className="inline-form">
                <input type="hidden" name="id" value={item.id} />
                <input type="hidden" name="page" value={String(page)} />
                <button type="submit" className="link-button">
                  Mark as read<span className="visually-hidden">: {item.sentence}</span>
                </button>
              </form>
            )}
          </div>
        </li>
      ))}
    </ol>
  );
}
