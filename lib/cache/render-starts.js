// @ts-check
// When each render of a cached page began, so that the page is stored as of that time rather than
// the time it finished. Next stamps a stored page with the time it was stored, and a page is
// expired by a tag invalidated *after* its stamp. A render that read the database just before a
// write and finished just after the write's invalidation was therefore served as fresh, without the
// write, until the next invalidation. Stamped with its start, it is expired by that invalidation:
// the next reader gets a render that saw the write.
//
// A render begins when the cache has nothing current for its key (a miss, or an entry past its
// revalidate time), and ends when the cache handler stores it. Next renders one key at a time per
// process (concurrent requests share the render), so starts and stores pair up in order; a render
// that failed and stored nothing leaves a start behind, which is dropped once it is older than any
// render could be.

const MAX_RENDER_MS = 60_000;
// Keys with a start not yet paired; beyond this many, the abandoned ones are swept.
const SWEEP_ABOVE = 2_000;

/** The response kinds Next renders on a miss (data entries are not renders of a page). */
const isResponseKind = (/** @type {unknown} */ kind) => kind === "APP_PAGE" || kind === "APP_ROUTE";

/**
 * An entry as Next's file cache (cacheControl, in seconds) or the Redis handler (lifespan, in
 * seconds since the epoch) returns it.
 * @typedef {{ lastModified?: number, cacheControl?: { revalidate?: number | false }, lifespan?: { staleAt?: number } | null }} Entry
 */

/** @param {Entry} entry @param {number} now */
function pastRevalidate(entry, now) {
  const revalidate = entry.cacheControl?.revalidate;
  if (typeof revalidate === "number" && typeof entry.lastModified === "number") return now > entry.lastModified + revalidate * 1000;
  const staleAt = entry.lifespan?.staleAt;
  return typeof staleAt === "number" && now > staleAt * 1000;
}

class RenderStarts {
  /** @param {() => number} [now] the clock (tests inject one) */
  constructor(now = () => Date.now()) {
    this.now = now;
    /** Oldest first. @type {Map<string, number[]>} */
    this.starts = new Map();
  }

  /**
   * What the cache handler's get answered for `key`: if Next will render the page because of it,
   * the render begins now.
   * @param {string} key
   * @param {{ kind?: unknown } | undefined} ctx get's context from Next
   * @param {Entry | null | undefined} entry what get found
   */
  looked(key, ctx, entry) {
    if (!isResponseKind(ctx?.kind)) return;
    const now = this.now();
    if (entry && !pastRevalidate(entry, now)) return;
    const list = this.starts.get(key);
    if (list) list.push(now);
    else this.starts.set(key, [now]);
    if (this.starts.size > SWEEP_ABOVE) this.sweep(now);
  }

  /**
   * The render of `key` is being stored: the stamp it gets. The start of the oldest render of it
   * still in flight, a millisecond early (an invalidation within the same millisecond as the start
   * may belong to a write the render did not see); now, when no start is known.
   * @param {string} key
   */
  stored(key) {
    const now = this.now();
    const list = this.starts.get(key);
    if (!list) return now;
    while (list.length > 0 && now - list[0] > MAX_RENDER_MS) list.shift();
    const start = list.shift();
    if (list.length === 0) this.starts.delete(key);
    return start === undefined ? now : start - 1;
  }

  /** @param {number} now */
  sweep(now) {
    for (const [key, list] of this.starts) {
      if (now - list[list.length - 1] > MAX_RENDER_MS) this.starts.delete(key);
    }
  }
}

/**
 * One per process: Next makes a cache handler per request and may bundle the handler into several
 * server chunks, each with its own module state.
 * @type {RenderStarts}
 */
const renderStarts = (/** @type {any} */ (globalThis)[Symbol.for("dept.renderStarts")] ??= new RenderStarts());

module.exports = { RenderStarts, renderStarts };
