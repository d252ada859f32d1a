// The health probe's own Redis connection: opened on the first probe, kept for the next ones
// (a probe every few seconds must not cost a connection each), closed on shutdown.
import "server-only";
import { createClient } from "redis";
import { onShutdown } from "../server/shutdown";

type Client = ReturnType<typeof createClient>;
type Held = { url: string; client: Client; connected: Promise<unknown> };
const holder = globalThis as unknown as { deptHealthRedis?: Held };

function clientFor(url: string): Held {
  if (holder.deptHealthRedis?.url === url) return holder.deptHealthRedis;
  holder.deptHealthRedis?.client.destroy();
  const client = createClient({
    url,
    name: `dept-health-${process.pid}`,
    // A ping while Redis is away fails at once rather than waiting in a queue.
    disableOfflineQueue: true,
    socket: { connectTimeout: 2_000, reconnectStrategy: (retries) => Math.min(100 * 2 ** retries, 5_000) },
  });
  // Without a listener an unreachable Redis is an uncaught error; the probe reports it instead.
  client.on("error", () => {});
  const connected = client.connect();
  connected.catch(() => {});
  const held = { url, client, connected };
  holder.deptHealthRedis = held;
  onShutdown("health-redis", closeHealthRedis);
  return held;
}

/** Lets go of the probe's connection (on shutdown; tests). */
export async function closeHealthRedis(): Promise<void> {
  const held = holder.deptHealthRedis;
  holder.deptHealthRedis = undefined;
  if (held?.client.isOpen) await held.client.close().catch(() => {});
  else held?.client.destroy();
}

/** PONG, or a rejection when Redis is not there (the caller bounds the wait). */
export async function pingRedis(url: string): Promise<string> {
  const { client, connected } = clientFor(url);
  // The first connection: waited for (bounded by the caller) rather than "down" at first probe.
  // Later, while reconnecting, the ping fails at once (no offline queue).
  await connected;
  return client.ping();
}
