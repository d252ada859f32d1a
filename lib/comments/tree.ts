import type { CommentNode, CommentView } from "./types";

/**
 * Builds the reply tree in memory from one flat query. Top-level threads keep the order of the
 * input (the query sorts them); replies always read oldest first under their parent. A comment
 * whose parent is missing (not shown, e.g. pending) is lifted to the top level rather than lost.
 */
export function buildCommentTree(comments: CommentView[]): CommentNode[] {
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
  return roots;
}

/** Drops tombstones that have no visible descendants: nothing is left for them to hold together. */
export function pruneEmptyTombstones(nodes: CommentNode[]): CommentNode[] {
  const out: CommentNode[] = [];
  for (const node of nodes) {
    const replies = pruneEmptyTombstones(node.replies);
    if (node.state === "tombstone" && !node.removedByModerator && replies.length === 0) continue;
    out.push({ ...node, replies });
  }
  return out;
}
