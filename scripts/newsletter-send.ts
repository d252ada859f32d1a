// `npm run newsletter:send [-- --day YYYY-MM-DD]`: sends the digest of one UTC day (default:
// yesterday, the last day that is over) to every confirmed subscriber, through SMTP when it is
// configured, else into this script's output. Safe to run again, by cron or by hand, even while
// another run is going: nobody gets the same day twice (lib/newsletter/digest.ts says how).
// Exits 1 when some mails could not be sent (a later run retries them).
import { parseArgs } from "node:util";
import { getDb } from "../lib/db";
import { migrateDatabase } from "../prisma/migrate/deploy";
import { env } from "../lib/env";
import { FieldError } from "../lib/errors";
import { closeMail } from "../lib/mail/send";
import { sendDailyDigest } from "../lib/newsletter/digest";

async function main() {
  const { values } = parseArgs({ options: { day: { type: "string" } } });
  await migrateDatabase(env().DATABASE_URL);
  try {
    const r = await sendDailyDigest({ day: values.day });
    const articles = `${r.articles} article${r.articles === 1 ? "" : "s"}`;
    if (r.articles === 0) console.log(`newsletter: ${r.day}: no articles, nothing to send`);
    else console.log(`newsletter: ${r.day}: ${articles}; sent ${r.sent}, failed ${r.failed}, left to a concurrent run ${r.skipped}; ${r.delivered} subscriber${r.delivered === 1 ? " has" : "s have"} this issue in all`);
    process.exitCode = r.failed > 0 ? 1 : 0;
  } catch (error) {
    if (!(error instanceof FieldError)) throw error;
    console.error(`newsletter: ${error.message}`);
    process.exitCode = 2;
  } finally {
    closeMail();
    await getDb().$disconnect();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
