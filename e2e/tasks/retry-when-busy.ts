// The e2e tasks write straight to the database while the app server (another process, busy with
// other specs) writes too. On SQLite a transaction that read first may find the database locked
// or its snapshot stale when it comes to write (SQLITE_BUSY, which Prisma reports as a timeout);
// waiting does not help it, starting again does. The app itself is one process with one
// connection, so it never meets this.

/** Runs `write` again, with a growing pause, while the database reports itself busy. */
export async function retryWhenBusy<T>(write: () => Promise<T>, attempts = 6): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await write();
    } catch (error) {
      const code = (error as { code?: string }).code;
      const busy = code === "P1008" || code === "P2028" || code === "P2034" || /timed out|SQLITE_BUSY|database is locked/i.test(String(error));
      if (!busy || attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, 500 * attempt));
    }
  }
}
