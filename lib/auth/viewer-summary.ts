import type { ViewerRatings } from "../ratings/queries";
import type { Viewer } from "./viewer";

export type ViewerSummary = (
  | { signedIn: false }
  | { signedIn: true; name: string; handle: string; role: string; isBanned: boolean }
) & { editable?: string[]; deletable?: string[]; ratings?: ViewerRatings; credits?: number };

/** The plain, client-safe face of a viewer (no ids beyond the public handle, no session). */
export function summaryOf(viewer: Viewer | null): ViewerSummary {
  if (!viewer) return { signedIn: false };
  return { signedIn: true, name: viewer.name, handle: viewer.handle, role: viewer.role, isBanned: viewer.isBanned };
}
