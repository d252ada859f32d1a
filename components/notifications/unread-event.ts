// How the /notifications page tells the header's bell its new count without a request: a window
// event, since the two islands share no React tree.
const EVENT = "dept:unread-notifications";

export function announceUnread(unread: number): void {
  window.dispatchEvent(new CustomEvent<number>(EVENT, { detail: unread }));
}

/** Calls `on` with each announced count; returns the unsubscribe. */
export function onUnreadAnnounced(on: (unread: number) => void): () => void {
  const listener = (event: Event) => on((event as CustomEvent<number>).detail);
  window.addEventListener(EVENT, listener);
  return () => window.removeEventListener(EVENT, listener);
}
