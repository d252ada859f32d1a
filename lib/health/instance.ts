// This instance's readiness, wired to its database, migrations and Redis: the health route
// (app/api/health) keeps to HTTP.
import { getDb } from "../db";
import { databaseKind, env } from "../env";
import { shippedMigrations } from "./migrations";
import { checkReadiness } from "./readiness";
import { pingRedis } from "./redis-ping";

export function checkInstanceReadiness(): ReturnType<typeof checkReadiness> {
  const redisUrl = env().REDIS_URL;
  return checkReadiness({
    db: getDb(),
    migrations: shippedMigrations(databaseKind()),
    pingRedis: redisUrl ? () => pingRedis(redisUrl) : undefined,
  });
}
