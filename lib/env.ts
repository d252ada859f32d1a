// The only place the running site reads process.env (development tooling under prisma/migrate/
// reads its own variables): every setting is parsed here, with defaults that
// make the embedded setup (SQLite under ./data/) work with nothing configured.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { CacheEnvShape } from "./cache/cache-env";

const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.string().min(1).default("file:./data/dept.db"),
  PORT: z.coerce.number().int().positive().default(3000),
  SITE_URL: z.url().optional(),
  SITE_NAME: z.string().min(1).default("Dept"),
  // The language of the site's text (BCP 47): <html lang> and every feed's <language>.
  SITE_LANGUAGE: z.string().regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, "a BCP 47 language tag such as en or en-GB").default("en"),
  AUTH_SECRET: z.string().min(16).optional(),
  SMTP_HOST: z.string().optional(),
  SMTP_PORT: z.coerce.number().int().positive().optional(),
  SMTP_USER: z.string().optional(),
  SMTP_PASSWORD: z.string().optional(),
  SMTP_FROM: z.string().optional(),
  // "off": this process never sends notification mail itself (another instance, or a cron job
  // running `npm run notifications:send`, drains the outbox instead).
  NOTIFICATIONS_SENDER: z.enum(["on", "off"]).default("on"),
  GITHUB_ID: z.string().optional(),
  GITHUB_SECRET: z.string().optional(),
  GOOGLE_ID: z.string().optional(),
  GOOGLE_SECRET: z.string().optional(),
  DEPT_SKIP_SEED: z.enum(["0", "1"]).default("0"),
  // REDIS_URL (several app instances: their live discussions meet through Redis pub/sub, lib/live/,
  // without it each instance polls the database once a second while someone is reading; they
  // share one page cache and hear each other's settings changes, lib/settings/) and the page
  // cache's caps: parsed by the cache handler too, outside the app.
  ...CacheEnvShape,
});

export type Env = z.infer<typeof EnvSchema> & { siteUrl: string; dataDir: string };

let cached: Env | undefined;

export function env(): Env {
  if (cached) return cached;
  const parsed = EnvSchema.parse(process.env);
  cached = {
    ...parsed,
    siteUrl: (parsed.SITE_URL ?? `http://localhost:${parsed.PORT}`).replace(/\/$/, ""),
    dataDir: path.join(process.cwd(), "data"),
  };
  // next-auth reads NEXTAUTH_URL itself, for its OAuth callbacks and redirects (without it they
  // point at localhost:3000): it follows SITE_URL, so the public origin is set in one place.
  process.env.NEXTAUTH_URL = `${cached.siteUrl}/api/auth`;
  return cached;
}

export type DatabaseKind = "sqlite" | "postgres";

export function databaseKind(url = env().DATABASE_URL): DatabaseKind {
  if (/^postgres(ql)?:\/\//.test(url)) return "postgres";
  if (url.startsWith("file:")) return "sqlite";
  throw new Error(`DATABASE_URL must start with file: (SQLite) or postgresql:// (PostgreSQL)`);
}

/** Absolute path of the SQLite file named by a `file:` URL (relative to the project root). */
export function sqliteFilePath(url = env().DATABASE_URL): string {
  const raw = url.slice("file:".length).split("?")[0];
  // The file is chosen at run time; the bundler must not try to trace it.
  return path.isAbsolute(raw) ? raw : path.resolve(/*turbopackIgnore: true*/ process.cwd(), raw);
}

/**
 * The secret that signs sessions and visitor cookies. A missing secret is generated once and
 * kept in ./data/ so the quick start works and sessions survive restarts; a real deployment
 * sets AUTH_SECRET (README).
 */
export function authSecret(): string {
  const e = env();
  if (e.AUTH_SECRET) return e.AUTH_SECRET;
  const file = path.join(e.dataDir, "auth-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(e.dataDir, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
