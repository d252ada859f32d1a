// Where each imported comment goes in its thread. An export may hold replies to comments that
// are not in it, or that cannot be imported (empty, too long, a pingback); such a reply joins
// its nearest ancestor that is kept, or starts a thread of its own. A cycle of parents (a broken
// export) is cut rather than followed forever. Pure: the importers give it ids and parents.

export type Placement = { parent: string | null; root: string; depth: number };

/**
 * `parents`: every comment of one discussion in the file, id → its parent's id ("0" or "" for
 * none). `kept`: the ids that will be imported. Returns a placement for each kept id.
 */
export function placeInThreads(parents: ReadonlyMap<string, string>, kept: ReadonlySet<string>): Map<string, Placement> {
  const placements = new Map<string, Placement>();
  const nearestKeptAncestor = (id: string): string | null => {
    let parent = parents.get(id) ?? "0";
    const seen = new Set([id]);
    while (parent && parent !== "0" && !kept.has(parent)) {
      if (seen.has(parent)) return null;
      seen.add(parent);
      parent = parents.get(parent) ?? "0";
    }
    return parent && parent !== "0" && !seen.has(parent) ? parent : null;
  };
  const place = (id: string, trail: ReadonlySet<string>): Placement => {
    const known = placements.get(id);
    if (known) return known;
    const parent = nearestKeptAncestor(id);
    const above = parent && !trail.has(parent) ? place(parent, new Set([...trail, id])) : null;
    const placement = above ? { parent, root: above.root, depth: above.depth + 1 } : { parent: null, root: id, depth: 0 };
    placements.set(id, placement);
    return placement;
  };
  for (const id of kept) place(id, new Set());
  return placements;
}
