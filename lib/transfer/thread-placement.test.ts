// An import's comments keep their threads, even when the export is missing some of them.
import { describe, expect, it } from "vitest";
import { placeInThreads } from "./thread-placement";

const parents = (pairs: Array<[string, string]>) => new Map(pairs);

describe("placeInThreads", () => {
  it("keeps replies under their parents, five deep", () => {
    const file = parents([["1", "0"], ["2", "1"], ["3", "2"], ["4", "3"], ["5", "4"], ["6", "0"]]);
    const placed = placeInThreads(file, new Set(file.keys()));
    expect(placed.get("5")).toEqual({ parent: "4", root: "1", depth: 4 });
    expect(placed.get("1")).toEqual({ parent: null, root: "1", depth: 0 });
    expect(placed.get("6")).toEqual({ parent: null, root: "6", depth: 0 });
  });

  it("hangs a reply to a comment left out on the nearest ancestor kept, or starts a thread", () => {
    const file = parents([["1", "0"], ["2", "1"], ["3", "2"], ["4", "99"]]);
    const placed = placeInThreads(file, new Set(["1", "3", "4"]));
    expect(placed.get("3")).toEqual({ parent: "1", root: "1", depth: 1 });
    expect(placed.get("4")).toEqual({ parent: null, root: "4", depth: 0 });
    expect(placed.has("2")).toBe(false);
  });

  it("cuts a cycle of parents instead of following it, leaving every comment a place", () => {
    const file = parents([["1", "2"], ["2", "1"], ["3", "1"]]);
    const placed = placeInThreads(file, new Set(file.keys()));
    expect(placed.size).toBe(3);
    // Each parent is placed above its child: nothing points at a comment deeper than itself.
    for (const [id, { parent, depth, root }] of placed) {
      if (parent) expect(placed.get(parent)!.depth, id).toBe(depth - 1);
      else expect(root, id).toBe(id);
    }
  });
});
