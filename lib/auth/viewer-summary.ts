import type { ViewerRatings } from "../ratings/queries";
import type { ArticleFollows } from "../follows/schemas";
import type { Viewer } from "./viewer";

export type ViewerSummary = (
  | { signedIn: false }
  // banReason: for a banned member only, their own ban's reason (their form says why it is gone).
  // unreadNotifications: the header bell's first count (components/notifications/notification-bell.tsx).
  | { signedIn: true; name: string; handle: string; role: string; isBanned: boolean; banReason?: string | null; unreadNotifications?: number }
) & { editable?: string[]; deletable?: string[]; ratings?: ViewerRatings; credits?: number; follows?: ArticleFollows };

/** The plain, client-safe face of a viewer (no ids beyond the public handle, no session). */
export function summaryOf(viewer: Viewer | null, banReason?: string | null): ViewerSummary {
  if (!viewer) return { signedIn: false };
  const summary = { signedIn: true as const, name: viewer.name, handle: viewer.handle, role: viewer.role, isBanned: viewer.isBanned };
  return viewer.isBanned ? { ...summary, banReason: banReason ?? null } : summary;
}
