// Runs once as each Next.js server process starts. The notification sender is otherwise started
// by the first comment posted after a start: kicking it here sends at once what was due while
// the site was down, and starts its minute timer for held-back, digest and retried mail.
export async function register() {
  // Node.js servers only (not the edge runtime), and not the build's page-rendering workers.
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { kickSender } = await import("./lib/notifications/sender");
  kickSender();
}
