// Who is rating or flagging. Members are known by their account; anonymous visitors (when the
// site allows them) by the signed visitor cookie, so one browser holds one vote per comment.
// The network travels with the voter: at most a few voices from one network count (lib/trust).
import type { Viewer } from "../auth/viewer";
import { isModerator } from "../auth/roles";
import { ForbiddenError } from "../errors";
import type { SiteSettings } from "../settings/defaults";

export type Voter = { key: string; kind: "visitor" | "member" | "moderator"; userId: string | null; visitorId: string; network: string };

export function voterFor(viewer: Viewer | null, visitorId: string, settings: SiteSettings, network: string): Voter {
  if (viewer) {
    if (viewer.isBanned) throw new ForbiddenError("Your account may not rate or flag comments.");
    return { key: `u:${viewer.id}`, kind: isModerator(viewer) ? "moderator" : "member", userId: viewer.id, visitorId, network };
  }
  if (!settings.anonymousRating) throw new ForbiddenError("Please sign in to rate or flag comments.");
  return { key: `v:${visitorId}`, kind: "visitor", userId: null, visitorId, network };
}
