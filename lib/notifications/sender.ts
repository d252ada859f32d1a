// The sender: drains the outbox (Notification rows with mailState "queued" whose time has come),
// one recipient at a time under that recipient's MailLock, from any number of instances or
// `npm run notifications:send` runs at once. Each row is mailed at most once: rows a sender
// claimed and never finished (it died mid-send) are marked "lost", never sent again.
// In the running site, kickSender() drains soon after a comment becomes visible, and a
// minute timer picks up deferred, digest and retry rows.
import "server-only";
import { getDb } from "../db";
import { env } from "../env";
import { onShutdown } from "../server/shutdown";
import { SENDER_LEASE_MS } from "./mail-policy";
import { withMailLock } from "./sender-lock";
import { emptyCounts, mailRecipient, type DrainCounts } from "./sender-recipient";

export type { DrainCounts } from "./sender-recipient";

/** Recipients handled per drain; a drain that hit it reports `more` and the in-process loop goes on. */
const DEFAULT_LIMIT = 200;

/** Rows still "sending" after the lease belong to a sender that died: at most once means never again. */
async function sweepLost(now: Date): Promise<number> {
  const db = getDb();
  const { count } = await db.notification.updateMany({
    where: { mailState: "sending", mailClaimedAt: { lt: new Date(now.getTime() - SENDER_LEASE_MS) } },
    data: { mailState: "lost" },
  });
  if (count > 0) console.error(`[notifications] ${count} notification mail(s) were being sent by a sender that stopped; marked lost, not re-sent`);
  // A row with no recipient can never be sent: set aside rather than looked at by every drain.
  await db.notification.updateMany({ where: { mailState: "queued", userId: null, mailAddressId: null }, data: { mailState: "skipped" } });
  return count;
}

export async function drainOutbox({ now = new Date(), limit = DEFAULT_LIMIT }: { now?: Date; limit?: number } = {}): Promise<DrainCounts & { more: boolean }> {
  const counts = emptyCounts();
  counts.lost = await sweepLost(now);
  const recipients = await getDb().notification.groupBy({
    by: ["userId", "mailAddressId"],
    where: { mailState: "queued", mailDueAt: { lte: now } },
    orderBy: [{ userId: "asc" }, { mailAddressId: "asc" }],
    take: limit,
  });
  for (const { userId, mailAddressId } of recipients) {
    // Stopping: the recipient under way is finished, the rest wait for the next sender.
    if (state.stopped) break;
    const key = userId ? { userId } : mailAddressId ? { mailAddressId } : null;
    if (!key) continue;
    const lockKey = userId ? `u:${userId}` : `m:${mailAddressId}`;
    try {
      const held = await withMailLock(lockKey, now, () => mailRecipient(key, now, counts));
      if (!held) counts.busy += 1;
    } catch (error) {
      // One recipient's trouble (a database hiccup) must not stop everyone else's mail.
      console.error(`[notifications] sending to ${lockKey} failed:`, error);
    }
  }
  return { ...counts, more: recipients.length === limit };
}

// ---------------------------------------------------------------------------------------------
// In-process sending: one drain at a time per process, soon after a kick, and every minute.

const KICK_DELAY_MS = 500;
const TICK_MS = 60_000;

type SenderState = {
  running: boolean;
  again: boolean;
  /** The process is stopping: no drain starts any more. */
  stopped?: boolean;
  /** The drain under way, for a stop to wait for. */
  current?: Promise<void>;
  soon?: ReturnType<typeof setTimeout>;
  tick?: ReturnType<typeof setInterval>;
};
const holder = globalThis as unknown as { deptNotificationSender?: SenderState };
const state = (holder.deptNotificationSender ??= { running: false, again: false });

async function drainLoop(): Promise<void> {
  try {
    do {
      state.again = false;
      const r = await drainOutbox();
      // More recipients than one drain takes: go on, unless nothing moved (all held by others).
      if (r.more && r.mails + r.skipped + r.deferred + r.failed > 0) state.again = true;
    } while (state.again && !state.stopped);
  } catch (error) {
    console.error("[notifications] drain failed:", error);
  } finally {
    state.running = false;
  }
}

function drainInProcess(): Promise<void> {
  if (state.stopped) return Promise.resolve();
  if (state.running) {
    state.again = true;
    return state.current ?? Promise.resolve();
  }
  state.running = true;
  state.current = drainLoop();
  return state.current;
}

/**
 * On shutdown: no new drain; the one under way finishes its batch (rows already claimed are sent
 * and marked, not left "sending" to be written off as lost), then the database may close.
 */
export async function stopSender(): Promise<void> {
  state.stopped = true;
  if (state.soon) clearTimeout(state.soon);
  if (state.tick) clearInterval(state.tick);
  state.soon = state.tick = undefined;
  if (state.running) await state.current;
}

const isEnabled = () => env().NOTIFICATIONS_SENDER !== "off";

/** Drains the outbox soon in this process (debounced); starts the minute timer on first use. */
export function kickSender(): void {
  if (!isEnabled() || state.stopped) return;
  if (!state.tick) {
    onShutdown("notification-sender", stopSender, "stop");
    state.tick = setInterval(() => void drainInProcess(), TICK_MS);
    state.tick.unref?.();
  }
  if (state.soon) return;
  state.soon = setTimeout(() => {
    state.soon = undefined;
    void drainInProcess();
  }, KICK_DELAY_MS);
  state.soon.unref?.();
}
