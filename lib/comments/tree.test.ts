import { describe, expect, it } from "vitest";
import { buildCommentTree, pruneEmptyTombstones } from "./tree";
import type { CommentView } from "./types";

function comment(id: string, parentId: string | null, minute: number, state: CommentView["state"] = "visible"): CommentView {
  return {
    id,
    parentId,
    depth: 0,
    subject: id,
    bodyHtml: "",
    createdAt: new Date(Date.UTC(2026, 0, 1, 0, minute)).toISOString(),
    editedAt: null,
    author: { kind: "anonymous", name: "Anonymous Coward", tag: null, website: null },
    state,
    badges: { insightful: false, funny: false },
  };
}

describe("buildCommentTree", () => {
  const flat = [comment("a", null, 1), comment("b", null, 2), comment("a1", "a", 3), comment("a1x", "a1", 4), comment("a2", "a", 5)];

  it("nests replies under their parents, oldest first", () => {
    const tree = buildCommentTree(flat);
    expect(tree.map((n) => n.id)).toEqual(["a", "b"]);
    expect(tree[0].replies.map((n) => n.id)).toEqual(["a1", "a2"]);
    expect(tree[0].replies[0].replies.map((n) => n.id)).toEqual(["a1x"]);
  });

  it("keeps the input's order of threads (newest first here), replies still oldest first", () => {
    const tree = buildCommentTree([...flat].reverse());
    expect(tree.map((n) => n.id)).toEqual(["b", "a"]);
    expect(tree[1].replies.map((n) => n.id)).toEqual(["a1", "a2"]);
  });

  it("lifts a reply whose parent is not shown to the top level instead of losing it", () => {
    const tree = buildCommentTree([comment("orphan", "missing", 1)]);
    expect(tree.map((n) => n.id)).toEqual(["orphan"]);
  });

  it("keeps tombstones that hold replies and drops empty ones", () => {
    const tree = pruneEmptyTombstones(
      buildCommentTree([comment("t1", null, 1, "tombstone"), comment("r", "t1", 2), comment("t2", null, 3, "tombstone")]),
    );
    expect(tree.map((n) => n.id)).toEqual(["t1"]);
    expect(tree[0].replies.map((n) => n.id)).toEqual(["r"]);
  });

  it("keeps a moderator's removal notice even with no replies", () => {
    const removed = { ...comment("m", null, 1, "tombstone"), removedByModerator: true };
    expect(pruneEmptyTombstones(buildCommentTree([removed])).map((n) => n.id)).toEqual(["m"]);
  });
});
