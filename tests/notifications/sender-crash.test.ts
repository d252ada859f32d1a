// Two senders at once (in one process, and in two) mail each person once; a sender killed in the
// middle of a batch leaves no one mailed twice and everyone else mailed by the next drain.
import { spawn } from "node:child_process";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { SMTPServer } from "smtp-server";
import { startMailSink, type MailSink } from "../../scripts/mail-sink";
import { configureMail } from "../../lib/mail/send";
import { drainOutbox } from "../../lib/notifications/sender";
import { article, member, minutes, queuedReply, rowsOf, setAsideOthersMail, T0 } from "./fixtures";

let sink: MailSink;

beforeAll(async () => {
  sink = await startMailSink();
  configureMail({ from: "dept@example.test", smtp: { host: "127.0.0.1", port: sink.port, secure: false } });
});
afterAll(async () => {
  configureMail(undefined);
  await sink.close();
});
beforeEach(setAsideOthersMail);

async function membersWithReplies(n: number) {
  const on = await article();
  const members = [];
  for (let i = 0; i < n; i++) {
    const m = await member();
    await queuedReply(on, { userId: m.id });
    members.push(m);
  }
  return members;
}

function runChild(port: number, now: Date, waitForGo = false) {
  const child = spawn(process.execPath, ["--import", "tsx", "tests/notifications/drain-child.ts"], {
    env: { ...process.env, SINK_PORT: String(port), DRAIN_NOW: now.toISOString(), WAIT_FOR_GO: waitForGo ? "1" : "" },
    stdio: ["pipe", "pipe", "pipe"],
  });
  let out = "";
  let onReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => (onReady = resolve));
  child.stdout.on("data", (c) => {
    out += c;
    if (out.includes("ready")) onReady();
  });
  child.stderr.on("data", (c) => (out += c));
  const exited = new Promise<{ code: number | null; out: string }>((resolve) => child.once("exit", (code) => resolve({ code, out })));
  return { child, exited, ready };
}

/** An SMTP server that takes messages but never answers the k-th (the sender hangs on it). */
async function stallingSink(k: number) {
  const received: string[][] = [];
  let stalled!: () => void;
  const stall = new Promise<void>((resolve) => (stalled = resolve));
  const server = new SMTPServer({
    disabledCommands: ["STARTTLS", "AUTH"],
    authOptional: true,
    disableReverseLookup: true,
    logger: false,
    onData(stream, session, callback) {
      stream.resume();
      stream.on("end", () => {
        received.push(session.envelope.rcptTo.map((r) => r.address));
        if (received.length === k) stalled();
        else callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const port = (server.server.address() as { port: number }).port;
  return { port, received, stall, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

const countTo = (email: string, lists: string[][]) => lists.filter((to) => to.includes(email)).length;

describe("several senders", () => {
  it("two drains at once in one process send each mail exactly once", async () => {
    const members = await membersWithReplies(8);
    const before = sink.messages.length;
    const [a, b] = await Promise.all([drainOutbox({ now: T0 }), drainOutbox({ now: T0 })]);
    expect(a.mails + b.mails).toBe(8);
    expect(sink.messages.length - before).toBe(8);
    for (const m of members) expect(sink.messages.filter((x) => x.to.includes(m.email))).toHaveLength(1);
  });

  it("a drain in another process beside one here sends each mail exactly once", async () => {
    const members = await membersWithReplies(8);
    const before = sink.messages.length;
    const other = runChild(sink.port, T0, true);
    await other.ready;
    other.child.stdin.write("go\n");
    const here = await drainOutbox({ now: T0 });
    const { code, out } = await other.exited;
    expect(code, out).toBe(0);
    const there = JSON.parse(out.trim().split("\n").at(-1)!) as { mails: number };
    expect(here.mails + there.mails).toBe(8);
    expect(sink.messages.length - before).toBe(8);
    for (const m of members) expect(sink.messages.filter((x) => x.to.includes(m.email))).toHaveLength(1);
  });
});

describe("a sender killed mid-batch", () => {
  it("never mails anyone twice, and the next drain mails everyone else", async () => {
    const members = await membersWithReplies(6);
    const stalling = await stallingSink(3);
    const { child, exited } = runChild(stalling.port, T0);
    await stalling.stall;
    child.kill("SIGKILL");
    await exited;
    const states = await Promise.all(members.map(async (m) => (await rowsOf({ userId: m.id }))[0].mailState));
    expect(states.filter((s) => s === "sent")).toHaveLength(2);
    expect(states.filter((s) => s === "sending")).toHaveLength(1);
    const stuck = members[states.indexOf("sending")];

    // At once: the dead sender's lock and claim are still within their lease; everyone else is mailed.
    const r = await drainOutbox({ now: minutes(1) });
    expect(r).toMatchObject({ mails: 3, busy: 0 });
    // After the lease, its claimed row is marked lost, not sent again.
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    expect(await drainOutbox({ now: minutes(10) })).toMatchObject({ mails: 0, lost: 1 });
    errors.mockRestore();
    expect((await rowsOf({ userId: stuck.id }))[0].mailState).toBe("lost");

    const here = sink.messages.map((m) => m.to);
    for (const m of members) {
      const total = countTo(m.email, stalling.received) + countTo(m.email, here);
      expect(total, m.email).toBe(1);
    }
    await stalling.close();
  });
});

describe("npm run notifications:send", () => {
  it("drains once, prints what it did and exits by itself", async () => {
    const members = await membersWithReplies(2);
    const script = spawn(process.execPath, ["--import", "tsx", "scripts/notifications-send.ts"], {
      env: { ...process.env, SMTP_HOST: "127.0.0.1", SMTP_PORT: String(sink.port), SMTP_USER: "", SMTP_PASSWORD: "", SMTP_FROM: "cron@example.test" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    script.stdout.on("data", (c) => (out += c));
    script.stderr.on("data", (c) => (out += c));
    const code = await new Promise<number | null>((resolve) => script.once("exit", resolve));
    expect(code, out).toBe(0);
    expect(out).toContain("notifications: sent 2 mail(s) covering 2 notification(s)");
    for (const m of members) expect(sink.messages.filter((x) => x.to.includes(m.email))).toHaveLength(1);
  });
});
