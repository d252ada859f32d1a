"use client";

import { useEffect } from "react";
import { announceUnread } from "./unread-event";

/**
 * Tells the header's bell the count this page was rendered with: after "Mark as read" the page
 * comes back with a new number, and the bell (in the layout, never re-created) follows at once.
 */
export function UnreadSync({ unread }: { unread: number }) {
  useEffect(() => announceUnread(unread), [unread]);
  return null;
}
