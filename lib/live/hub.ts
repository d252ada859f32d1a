// One hub per app instance: every reader's stream of an article subscribes here, so the cost of
// watching for new comments is per instance and per second, not per reader.
//
// News comes three ways: the post path on this instance (announce, delivered at once), Redis
// pub/sub from the other instances (REDIS_URL), and, whenever Redis is not configured or not up,
// one database poll a second for all the articles that have readers here, which also sees
// comments posted through any other instance on the same database. With no reader left the poll
// stops. Each comment is delivered once per instance (`seen`), whichever way it came first.
import type { Db } from "../db";
import { RedisBridge } from "./redis-bridge";
import { LAG_MS, visibleSince } from "./visible-since";
import type { LiveComment, LiveListener } from "./types";

export type HubOptions = {
  db: () => Db;
  redisUrl?: string;
  pollMs?: number;
  now?: () => number;
  /** Counts the database polls, for tests and measurements. */
  onPoll?: (articleIds: string[]) => void;
};

// Long enough to cover every poll window a comment can fall in (LAG_MS behind each poll).
const SEEN_MS = LAG_MS * 3;

export class LiveHub {
  private readonly listeners = new Map<string, Set<LiveListener>>();
  // What each open stream does when the hub ends it (endStreams).
  private readonly enders = new Set<() => void>();
  private ended = false;
  private readonly seen = new Map<string, number>();
  private readonly redis?: RedisBridge;
  private timer?: ReturnType<typeof setTimeout>;
  private polledUntil = 0;
  // Bumped when polling stops: a poll still in flight then ends its chain instead of going on.
  private generation = 0;
  private readonly now: () => number;

  constructor(private readonly options: HubOptions) {
    this.now = options.now ?? Date.now;
    if (options.redisUrl) this.redis = new RedisBridge(options.redisUrl, (c) => this.deliver([c]));
  }

  /**
   * Listens to an article's new comments until the returned function is called; `onEnd` is
   * called if the hub ends the streams first (the instance is stopping).
   */
  subscribe(articleId: string, listener: LiveListener, onEnd?: () => void): () => void {
    if (this.ended) {
      // Later than the caller's own setup, which may not have finished yet.
      if (onEnd) queueMicrotask(onEnd);
      return () => {};
    }
    if (onEnd) this.enders.add(onEnd);
    let set = this.listeners.get(articleId);
    if (!set) this.listeners.set(articleId, (set = new Set()));
    set.add(listener);
    this.redis?.start();
    this.schedule();
    return () => {
      if (onEnd) this.enders.delete(onEnd);
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(articleId);
      if (this.listeners.size === 0) this.stopPolling();
    };
  }

  /** A comment has become visible here: readers on this instance hear it now, the others via Redis. */
  async announce(comment: LiveComment): Promise<void> {
    this.deliver([comment]);
    await this.redis?.publish(comment);
  }

  get listenerCount(): number {
    let n = 0;
    for (const set of this.listeners.values()) n += set.size;
    return n;
  }

  /** Whether news from other instances comes through Redis right now (else the database poll). */
  get redisReady(): boolean {
    return this.redis?.ready === true;
  }

  private deliver(comments: LiveComment[]): void {
    const now = this.now();
    for (const [id, at] of this.seen) if (now - at > SEEN_MS) this.seen.delete(id);
    const byArticle = new Map<string, LiveComment[]>();
    for (const c of comments) {
      if (this.seen.has(c.id)) continue;
      this.seen.set(c.id, now);
      const list = byArticle.get(c.articleId) ?? [];
      byArticle.set(c.articleId, [...list, c]);
    }
    for (const [articleId, list] of byArticle) {
      for (const listener of this.listeners.get(articleId) ?? []) listener(list);
    }
  }

  private schedule(): void {
    if (this.timer || this.listeners.size === 0) return;
    if (!this.polledUntil) this.polledUntil = this.now();
    const generation = this.generation;
    this.timer = setTimeout(() => void this.poll(generation), this.options.pollMs ?? 1_000);
    this.timer.unref?.();
  }

  private async poll(generation: number): Promise<void> {
    const articleIds = [...this.listeners.keys()];
    // Redis carries the news while it is up, and has since the window began; otherwise (no
    // Redis, Redis down, or just reconnected, when what was published meanwhile was lost) the
    // database is asked for the window. Either way the window moves on.
    const started = this.now();
    const redisCovered = this.redisReady && this.redis!.upSince <= this.polledUntil;
    if (!redisCovered && articleIds.length > 0) {
      try {
        this.options.onPoll?.(articleIds);
        this.deliver(await visibleSince(this.options.db(), articleIds, new Date(this.polledUntil)));
        this.polledUntil = started;
      } catch {
        // The database is busy or away: the next poll's window still covers this one.
      }
    } else this.polledUntil = started;
    if (generation !== this.generation) return;
    this.timer = undefined;
    this.schedule();
  }

  private stopPolling(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.polledUntil = 0;
    this.generation++;
  }

  /** Ends every open stream and refuses new ones: the instance is stopping. */
  endStreams(): void {
    this.ended = true;
    const enders = [...this.enders];
    this.enders.clear();
    for (const end of enders) end();
    this.listeners.clear();
    this.stopPolling();
  }

  async close(): Promise<void> {
    this.listeners.clear();
    this.stopPolling();
    await this.redis?.stop();
  }
}
