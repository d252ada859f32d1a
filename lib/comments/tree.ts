import type { CommentNode, CommentView } from "./types";

export type CommentSort = "oldest" | "newest";

/**
 * Builds the reply tree in memory from one flat query. Replies always read oldest first under
 * their parent; `sort` orders the top-level threads. A comment whose parent is missing (not
 * shown, e.g. pending) is lifted to the top level rather than lost.
 */
export function buildCommentTree(comments: CommentView[], sort: CommentSort = "oldest"): CommentNode[] {
  const nodes = new Map<string, CommentNode>();
  for (const c of comments) nodes.set(c.id, { ...c, replies: [] });
  const roots: CommentNode[] = [];
  for (const c of comments) {
    const node = nodes.get(c.id)!;
    const parent = c.parentId ? nodes.get(c.parentId) : undefined;
    if (parent) parent.replies.push(node);
    else roots.push(node);
  }
  const byTime = (a: CommentNode, b: CommentNode) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id);
  for (const node of nodes.values()) node.replies.sort(byTime);
  roots.sort(byTime);
  if (sort === "newest") roots.reverse();
  return roots;
}

/** Drops tombstones that have no visible descendants: nothing is left for them to hold together. */
export function pruneEmptyTombstones(nodes: CommentNode[]): CommentNode[] {
  const out: CommentNode[] = [];
  for (const node of nodes) {
    const replies = pruneEmptyTombstones(node.replies);
    if (node.state === "tombstone" && replies.length === 0) continue;
    out.push({ ...node, replies });
  }
  return out;
}
