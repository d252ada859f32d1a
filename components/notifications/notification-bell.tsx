"use client";

// Not IntentLink: the bell never prefetches /notifications, not even on hover: a list rendered per
// request for one member, which the poll below keeps changing.
// eslint-disable-next-line no-restricted-imports
import Link from "next/link";
import { useEffect, useState } from "react";
import { useViewer } from "@/components/auth/use-viewer";
import { onUnreadAnnounced } from "./unread-event";

// How often a visible tab asks for the count. A test may set window.__deptBellPollMs before the
// page loads (Playwright's addInitScript) to see a new item arrive without waiting half a minute.
const POLL_MS = 30_000;
const pollMs = () => (window as Window & { __deptBellPollMs?: number }).__deptBellPollMs ?? POLL_MS;

async function fetchUnread(): Promise<number | "signed-out" | null> {
  try {
    const response = await fetch("/api/notifications/unread", { credentials: "same-origin", cache: "no-store" });
    if (response.status === 401) return "signed-out";
    return response.ok ? ((await response.json()) as { unread: number }).unread : null;
  } catch {
    return null;
  }
}

/**
 * The header's bell: a link to /notifications saying how many are unread. An island, since the
 * header is part of cached pages: the first count comes with the viewer (/api/viewer), later ones
 * from a poll that runs only while the tab is visible (none at all while hidden, one at once when
 * shown again), and from the notifications page itself after "Mark as read".
 */
export function NotificationBell() {
  const viewer = useViewer();
  const signedIn = viewer?.signedIn === true;
  const [unread, setUnread] = useState<number | null>(null);
  // Each fresh viewer answer (a navigation asks again) brings a count: it replaces the polled one.
  const [countedFor, setCountedFor] = useState(viewer);
  if (viewer !== countedFor) {
    setCountedFor(viewer);
    setUnread(viewer?.signedIn ? (viewer.unreadNotifications ?? 0) : null);
  }

  useEffect(() => onUnreadAnnounced(setUnread), []);

  useEffect(() => {
    if (!signedIn) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let live = true;
    const ask = async () => {
      const answer = await fetchUnread();
      if (!live) return;
      if (answer === "signed-out") setUnread(null);
      else if (answer !== null) setUnread(answer);
    };
    const schedule = () => {
      clearTimeout(timer);
      if (live && document.visibilityState === "visible") timer = setTimeout(() => void ask().then(schedule), pollMs());
    };
    const onVisibility = () => {
      if (document.visibilityState !== "visible") return clearTimeout(timer);
      void ask().then(schedule);
    };
    schedule();
    document.addEventListener("visibilitychange", onVisibility);
    return () => {
      live = false;
      clearTimeout(timer);
      document.removeEventListener("visibilitychange", onVisibility);
    };
  }, [signedIn]);

  if (!signedIn || unread === null) return null;
  return (
    <Link href="/notifications" prefetch={false} className="notification-bell" aria-label={unread > 0 ? `Notifications, ${unread} unread` : "Notifications"}>
      <svg aria-hidden="true" focusable="false" viewBox="0 0 24 24" width="20" height="20">
        <path fill="currentColor" d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z" />
      </svg>
      {unread > 0 ? <span className="notification-bell__count">{unread}</span> : null}
    </Link>
  );
}
