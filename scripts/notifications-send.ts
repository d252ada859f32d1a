// `npm run notifications:send`: sends the notification mail that is due, once, through SMTP when it
// is configured (else into this script's output), and prints what it did. For cron-style
// deployments (NOTIFICATIONS_SENDER=off in the app); safe beside the running site and other runs:
// each recipient is mailed by one sender at a time and no mail goes out twice.
// Exits 0 when the drain ran (a failed mail is retried by a later run), 1 on an error.
import { getDb } from "../lib/db";
import { env } from "../lib/env";
import { closeMail } from "../lib/mail/send";
import { drainOutbox } from "../lib/notifications/sender";
import { migrateDatabase } from "../prisma/migrate/deploy";

async function main() {
  await migrateDatabase(env().DATABASE_URL);
  try {
    let total = { mails: 0, sent: 0, skipped: 0, deferred: 0, failed: 0, lost: 0, busy: 0 };
    for (let more = true; more; ) {
      const r = await drainOutbox();
      total = { mails: total.mails + r.mails, sent: total.sent + r.sent, skipped: total.skipped + r.skipped, deferred: total.deferred + r.deferred, failed: total.failed + r.failed, lost: total.lost + r.lost, busy: total.busy + r.busy };
      more = r.more && r.mails + r.skipped + r.deferred + r.failed > 0;
    }
    console.log(
      `notifications: sent ${total.mails} mail(s) covering ${total.sent} notification(s); skipped ${total.skipped}, deferred ${total.deferred}, failed ${total.failed} (retried later), lost ${total.lost}; ${total.busy} recipient(s) left to a concurrent sender`,
    );
  } finally {
    closeMail();
    await getDb().$disconnect();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
