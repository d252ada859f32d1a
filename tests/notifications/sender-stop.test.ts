// The in-process sender on shutdown (stopSender, run by the server after SIGTERM): a recipient
// being mailed when the stop comes is finished (sent and marked, not left "sending" to be written
// off as lost by the next sender), and no drain starts afterwards, whatever kicks it.
import net from "node:net";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { startMailSink, type MailSink } from "../../scripts/mail-sink";
import { configureMail } from "../../lib/mail/send";
import { kickSender, stopSender } from "../../lib/notifications/sender";
import { article, member, queuedReply, rowsOf, setAsideOthersMail } from "./fixtures";

let sink: MailSink;
// SMTP connections wait here until the test lets them through to the sink.
let gate: net.Server;
let connected = () => {};
const held: (() => void)[] = [];

beforeAll(async () => {
  await setAsideOthersMail();
  sink = await startMailSink();
  gate = net.createServer((client) => {
    held.push(() => {
      const upstream = net.connect(sink.port, "127.0.0.1");
      client.pipe(upstream).pipe(client);
      client.on("error", () => upstream.destroy());
      upstream.on("error", () => client.destroy());
    });
    connected();
  });
  await new Promise<void>((resolve) => gate.listen(0, "127.0.0.1", resolve));
  configureMail({ from: '"Dept" <no-reply@example.test>', smtp: { host: "127.0.0.1", port: (gate.address() as net.AddressInfo).port, secure: false } });
});

afterAll(async () => {
  configureMail(undefined);
  gate.close();
  await sink.close();
});

it("finishes the recipient under way, then starts no drain", async () => {
  const on = await article();
  const ada = await member();
  await queuedReply(on, { userId: ada.id });
  const mailing = new Promise<void>((resolve) => (connected = resolve));
  kickSender();
  // The sender has claimed Ada's row and is talking to the mail server when the stop comes.
  await mailing;
  expect((await rowsOf({ userId: ada.id })).map((r) => r.mailState)).toEqual(["sending"]);
  const stopped = stopSender();
  held.shift()!();
  await stopped;
  expect((await rowsOf({ userId: ada.id })).map((r) => r.mailState)).toEqual(["sent"]);
  expect(sink.messages.filter((m) => m.to.includes(ada.email))).toHaveLength(1);

  // After the stop, a kick and the minute timer's time passing start nothing.
  const bob = await member();
  await queuedReply(on, { userId: bob.id });
  vi.useFakeTimers({ toFake: ["setTimeout", "setInterval"] });
  try {
    kickSender();
    vi.advanceTimersByTime(5 * 60_000);
  } finally {
    vi.useRealTimers();
  }
  // A drain started by either would be waited for here.
  await stopSender();
  expect((await rowsOf({ userId: bob.id })).map((r) => r.mailState)).toEqual(["queued"]);
  expect(held).toHaveLength(0);
});
