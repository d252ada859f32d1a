// A sender in a process of its own, for tests/notifications/sender-crash.test.ts: drains the outbox
// once (at DRAIN_NOW) into the SMTP server on SINK_PORT and prints the counts. The test kills it
// mid-send, or runs it beside a drain of its own.
import { getDb } from "../../lib/db";
import { closeMail, configureMail } from "../../lib/mail/send";
import { drainOutbox } from "../../lib/notifications/sender";

async function main() {
  configureMail({ from: "child@example.test", smtp: { host: "127.0.0.1", port: Number(process.env.SINK_PORT), secure: false } });
  if (process.env.WAIT_FOR_GO) {
    // Loaded and connected: the test starts both senders at the same moment.
    console.log("ready");
    await new Promise((resolve) => process.stdin.once("data", resolve));
  }
  const counts = await drainOutbox({ now: new Date(process.env.DRAIN_NOW ?? Date.now()) });
  console.log(JSON.stringify(counts));
  process.stdin.destroy();
  closeMail();
  await getDb().$disconnect();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
