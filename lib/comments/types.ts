// The public view of a comment: the same for every reader, so the article page can be cached.
// Raw rating counts are deliberately absent (only badges are public).
export type CommentAuthor =
  // standing: the article's own author, or staff (admins and moderators); public, so the page stays shared.
  | { kind: "member"; handle: string; name: string; standing?: "author" | "staff" }
  | { kind: "anonymous"; name: string; tag: string | null; website: string | null }
  | { kind: "deleted" };

export type FlagReasonMix = { abusive: number; trolling: number; spam: number };

export type CommentView = {
  id: string;
  parentId: string | null;
  depth: number;
  subject: string;
  bodyHtml: string;
  createdAt: string;
  editedAt: string | null;
  author: CommentAuthor;
  // "tombstone": deleted by its author or removed by a moderator; kept for the thread's shape.
  state: "visible" | "hidden" | "tombstone";
  tombstoneText?: string;
  // A moderator's removal stays in view with its reason (readers learn what is not allowed); a
  // comment its author deleted only keeps its place while replies hang on it.
  removedByModerator?: boolean;
  hidden?: { by: "community" | "moderator"; reasons: FlagReasonMix };
  badges: { insightful: boolean; funny: boolean };
  // Whom a reply answers, for "in reply to …" where the nesting does not show it (the chronology).
  // `href` is filled in by the chronology view (on this page: #comment-<id>; else /comments/<id>).
  replyTo?: { id: string; name: string; href?: string } | null;
  // Set by the thread when the First Word box right above already shows this comment in full.
  shownAbove?: "First Word";
};

export type CommentNode = CommentView & { replies: CommentNode[] };

export type SpotlightView = { kind: "first" | "last"; commentId: string; byName: string; byHandle: string };
