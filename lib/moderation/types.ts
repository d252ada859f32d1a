// Names of moderation decisions as stored in ModerationEvent.action, and the plain objects the
// moderation page is given. Actions are namespaced like the existing "user.role" event (role
// changes by admins), so one log can list every kind of decision.
import type { FlagReasonMix } from "../comments/types";

export const ModerationAction = {
  approve: "comment.approve",
  remove: "comment.remove",
  banUser: "user.ban",
  banVisitor: "visitor.ban",
  unbanUser: "user.unban",
  unbanVisitor: "visitor.unban",
  unbanNetwork: "network.unban",
  upholdFlags: "flags.uphold",
  rejectFlags: "flags.reject",
} as const;
export type ModerationActionName = (typeof ModerationAction)[keyof typeof ModerationAction];

// Reasons are shown to readers in place of a removed comment: a sentence, not an essay.
export const REASON_MAX = 300;

export type FlaggerMix = { visitor: number; member: number; moderator: number };

/** Who wrote a comment, as a moderator needs to know it (a visitor label, never the raw key). */
export type QueueAuthor =
  | { kind: "member"; name: string; handle: string; isBanned: boolean; canBeBanned: boolean }
  | { kind: "anonymous"; name: string; visitorLabel: string | null; isBanned: boolean }
  | { kind: "deleted" };

export type QueueItem = {
  id: string;
  subject: string;
  bodyHtml: string;
  author: QueueAuthor;
  article: { title: string; slug: string };
  status: "hidden" | "pending";
  hiddenBy: "community" | "moderator" | null;
  flagWeight: number;
  flagWeightApproved: number;
  reasons: FlagReasonMix;
  flaggers: FlaggerMix;
  createdAt: string;
};

export type LogEntry = {
  id: string;
  action: string;
  actorName: string | null;
  commentId: string | null;
  target: string | null;
  reason: string | null;
  createdAt: string;
};

/** A network's entry is a banned poster's network, held for review `until` its ban ends. */
export type BanEntry = { kind: "user" | "visitor" | "network"; target: string; label: string; reason: string | null; since: string; until?: string };

/** What the page says after a decision (the decided comment has left the queue with its form). */
export const DONE_NOTICES = {
  approved: "Approved. The comment is back in its thread.",
  removed: "Removed. Readers now see the reason in its place.",
  banned: "Banned. The author can no longer post comments.",
  unbanned: "Ban lifted. They can post again.",
  upheld: "Flags upheld. The comment is hidden, and its flaggers' flags will weigh more.",
  rejected: "Flags rejected. The comment stays up, and its flaggers' flags will weigh less.",
} as const;
export type DoneNotice = keyof typeof DONE_NOTICES;
