// How a settings change made on one instance reaches the others (REDIS_URL): the instance (or
// script) that changed them publishes on one channel, every instance's subscriber drops its copy.
// The channel is shared by every database on the Redis: a change elsewhere costs one extra read.
//
// Both connections open lazily and neither keeps a process alive (unref'd sockets, our own unref'd
// retry timer rather than node-redis's), so a script that reads or changes settings still exits
// when its work is done. While Redis is away nothing waits on it for long: the cache's maximum
// age is what brings a change from elsewhere then.
import { randomUUID } from "node:crypto";
import { createClient } from "redis";

export const SETTINGS_CHANNEL = "dept:settings";
// The longest a change waits for a first connection to Redis before it is published without.
const CONNECT_WAIT_MS = 1_000;

type Client = ReturnType<typeof createClient>;

function bounded<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    // Not unref'd: while a change is being published, the process must not end under it.
    timer = setTimeout(() => reject(new Error("Redis did not answer in time")), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

export class SettingsChannel {
  // This instance's own messages are not news to it: it dropped its copy before publishing.
  private readonly id = randomUUID();
  private sub?: Client;
  private pub?: { client: Client; ready: Promise<Client> };
  private retries = 0;
  private retry?: ReturnType<typeof setTimeout>;
  private closed = false;
  // A live subscription was lost and none has replaced it yet.
  private missed = false;
  /** Subscribed now: a change published anywhere reaches this instance. */
  listening = false;

  constructor(
    private readonly url: string,
    private readonly onChange: () => void,
  ) {}

  private client(role: "pub" | "sub"): Client {
    const client = createClient({
      url: this.url,
      name: `dept-settings-${role}-${process.pid}`,
      // Fails at once while Redis is down instead of queueing; reconnecting is ours (see above).
      disableOfflineQueue: true,
      socket: { connectTimeout: 2_000, reconnectStrategy: false },
    });
    client.unref();
    // Without a listener an unreachable Redis would be an uncaught error.
    client.on("error", () => {});
    return client;
  }

  /** Subscribes if not yet subscribed or retrying (never waits for it). */
  listen(): void {
    if (this.sub || this.retry || this.closed) return;
    const sub = this.client("sub");
    this.sub = sub;
    const lost = () => {
      if (this.sub !== sub) return;
      const wasListening = this.listening;
      this.sub = undefined;
      this.listening = false;
      if (sub.isOpen) sub.destroy();
      if (this.closed) return;
      // A subscription that was live is gone: what is published until the next one goes unheard.
      // (An attempt that never connected changes nothing: the copy was already aging out on its
      // own, and dropping it at every retry would only read the rows again.)
      if (wasListening) {
        this.missed = true;
        this.onChange();
      }
      this.retry = setTimeout(() => {
        this.retry = undefined;
        this.listen();
      }, Math.min(100 * 2 ** this.retries++, 5_000));
      this.retry.unref?.();
    };
    sub.on("error", () => {
      if (!sub.isOpen) lost();
    });
    sub
      .connect()
      .then(() => sub.subscribe(SETTINGS_CHANNEL, (message) => message !== this.id && this.onChange()))
      .then(() => {
        this.retries = 0;
        this.listening = this.sub === sub;
        // Listening again after a loss: what was published in between was not heard.
        if (this.listening && this.missed) {
          this.missed = false;
          this.onChange();
        }
      })
      .catch(lost);
  }

  /** Tells the other instances; never fails (without Redis they wait out their maximum age). */
  async publish(): Promise<void> {
    if (this.closed) return;
    try {
      const pub = await bounded(this.publisher(), CONNECT_WAIT_MS);
      await bounded(pub.publish(SETTINGS_CHANNEL, this.id), CONNECT_WAIT_MS);
    } catch {
      /* Redis is away */
    }
  }

  private publisher(): Promise<Client> {
    if (this.pub) return this.pub.ready;
    const client = this.client("pub");
    const ready = client.connect().then(() => client);
    const pub = { client, ready };
    this.pub = pub;
    // A lost connection is opened again by the next change.
    const forget = () => {
      if (this.pub === pub) this.pub = undefined;
      if (client.isOpen) client.destroy();
    };
    client.on("error", () => {
      if (!client.isOpen) forget();
    });
    ready.catch(forget);
    return ready;
  }

  close(): void {
    this.closed = true;
    this.listening = false;
    clearTimeout(this.retry);
    const clients = [this.pub?.client, this.sub];
    this.pub = this.sub = undefined;
    // Nothing worth waiting for is in flight: a change not yet published is covered by the maximum age.
    for (const client of clients) if (client?.isOpen) client.destroy();
  }
}
