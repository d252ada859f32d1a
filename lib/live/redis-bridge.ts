// The hubs of several app instances meet on one Redis pub/sub channel: the instance where a
// comment is posted publishes it, every instance's subscriber hears it. Both connections open
// lazily (a site without readers or posts never connects), reconnect on their own, and say
// whether they are up, so the hub can fall back to polling the database while Redis is away.
import { createClient } from "redis";
import { z } from "zod";
import type { LiveComment } from "./types";

export const LIVE_CHANNEL = "dept:live:comments";

const Message = z.object({
  articleId: z.string().max(64),
  id: z.string().max(64),
  parentId: z.string().max(64).nullable(),
  rootId: z.string().max(64).nullable(),
  poster: z.string().max(128).nullable(),
});

type Client = ReturnType<typeof createClient>;
// Readers elsewhere were polling the database meanwhile if their own Redis was down too; past
// this, a comment is no longer "new" enough to announce late.
const UNSENT_MS = 30_000;

export class RedisBridge {
  private pub?: Client;
  private sub?: Client;
  private subscribed = false;
  private unsent: { comment: LiveComment; at: number }[] = [];
  /** When the subscriber last (re)connected: news published before then may have been missed. */
  upSince = Infinity;

  constructor(
    private readonly url: string,
    private readonly onComment: (comment: LiveComment) => void,
  ) {}

  private client(role: "pub" | "sub"): Client {
    const client = createClient({
      url: this.url,
      // Seen in CLIENT LIST (an operator's view, and the test that cuts the connection).
      name: `dept-live-${role}-${process.pid}`,
      // A publish while Redis is down fails at once instead of queueing stale news for later.
      disableOfflineQueue: true,
      socket: { connectTimeout: 2_000, reconnectStrategy: (retries) => Math.min(100 * 2 ** retries, 5_000) },
    });
    // Without a listener an unreachable Redis would be an uncaught error; the state is what matters.
    client.on("error", () => {});
    return client;
  }

  /** Opens the connections if they are not open yet (never waits for them). */
  start(): void {
    if (this.sub) return;
    this.pub = this.client("pub");
    this.sub = this.client("sub");
    const sub = this.sub;
    // node-redis subscribes again by itself after a reconnect, before it is ready.
    sub.on("ready", () => (this.upSince = Date.now()));
    // What could not be published while Redis was away goes once it is back, if still news.
    this.pub.on("ready", () => void this.flush());
    this.pub.connect().catch(() => {});
    sub
      .connect()
      .then(() => sub.subscribe(LIVE_CHANNEL, (raw) => this.receive(raw)))
      .then(() => (this.subscribed = true))
      .catch(() => {});
  }

  /** Hearing the channel now: a comment published anywhere reaches this instance. */
  get ready(): boolean {
    return this.subscribed && this.sub?.isReady === true;
  }

  /** Tells the other instances; false when Redis is not there to hear it (it is kept for a while). */
  async publish(comment: LiveComment): Promise<boolean> {
    this.start();
    try {
      if (!this.pub?.isReady) throw new Error("Redis is not connected");
      await this.pub.publish(LIVE_CHANNEL, JSON.stringify(comment));
      return true;
    } catch {
      this.unsent = [...this.unsent.filter((u) => Date.now() - u.at < UNSENT_MS), { comment, at: Date.now() }];
      return false;
    }
  }

  private async flush(): Promise<void> {
    const due = this.unsent.filter((u) => Date.now() - u.at < UNSENT_MS);
    this.unsent = [];
    for (const { comment } of due) await this.publish(comment);
  }

  private receive(raw: string): void {
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      return;
    }
    const message = Message.safeParse(parsed);
    if (message.success) this.onComment(message.data);
  }

  async stop(): Promise<void> {
    const clients = [this.pub, this.sub];
    this.pub = this.sub = undefined;
    this.subscribed = false;
    await Promise.all(
      clients.map(async (c) => {
        try {
          // An open client closes cleanly; one still trying to connect stops trying.
          if (c?.isOpen) await c.close();
          else c?.destroy();
        } catch {
          /* already closed */
        }
      }),
    );
  }
}
