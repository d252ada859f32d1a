"use client";

import { useSyncExternalStore } from "react";

// Comments this tab has just posted. The viewer's list of editable comments is fetched once per
// page, before the new comment existed; this lets its "Edit or delete" link appear straight away
// instead of after a reload. The server still decides on every edit.
let posted: ReadonlySet<string> = new Set();
const listeners = new Set<() => void>();
const empty: ReadonlySet<string> = new Set();

export function rememberOwnComment(id: string): void {
  posted = new Set([...posted, id]);
  listeners.forEach((notify) => notify());
}

function subscribe(notify: () => void) {
  listeners.add(notify);
  return () => listeners.delete(notify);
}

export function useJustPostedComments(): ReadonlySet<string> {
  return useSyncExternalStore(subscribe, () => posted, () => empty);
}
