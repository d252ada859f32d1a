// What travels between the post path, the hub and the readers' streams. `poster` is the
// commenter's visitor key: it stays on the server (a stream leaves out its own reader's comments)
// and is never sent to a browser.
export type LiveComment = {
  articleId: string;
  id: string;
  parentId: string | null;
  rootId: string | null;
  poster: string | null;
};

/** What a reader's browser is told of a new comment: where it goes in the tree, nothing more. */
export type LiveCommentRef = Pick<LiveComment, "id" | "parentId" | "rootId">;

export type LiveListener = (comments: LiveComment[]) => void;

/** The moderation event that makes a held comment visible (lib/moderation/types.ts). */
export const APPROVE_ACTION = "comment.approve";
