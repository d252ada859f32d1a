// Holds the site's own code to a budget of statements: until the returned function is called,
// getDb() is a client that passes each statement it sends to `onQuery` (Prisma's query event; a
// transaction's BEGIN is not reported, its COMMIT is).
import { createDb, replaceDb, type QueryListener } from "../../lib/db";
import { env } from "../../lib/env";

export function watchQueries(onQuery: QueryListener): () => Promise<void> {
  const client = createDb(env().DATABASE_URL, { onQuery });
  const restore = replaceDb(client);
  return async () => {
    restore();
    await client.$disconnect();
  };
}
