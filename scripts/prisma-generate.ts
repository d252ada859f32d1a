// Writes prisma/<provider>/schema.prisma from prisma/models.prisma and generates both clients,
// so one build can serve SQLite or PostgreSQL, chosen at run time from DATABASE_URL.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { expectedSchema, providers, schemaPath } from "../prisma/migrate/schema-files";

for (const provider of providers) {
  const file = schemaPath(provider);
  mkdirSync(path.dirname(file), { recursive: true });
  const text = expectedSchema(provider);
  // Rewrite only on change: start.mjs compares source times with the last build.
  if (!existsSync(file) || readFileSync(file, "utf8") !== text) writeFileSync(file, text);
  execFileSync(process.execPath, [require.resolve("prisma/build/index.js"), "generate", "--schema", file], {
    stdio: ["ignore", "ignore", "inherit"],
    env: {
      ...process.env,
      // generate never runs the schema engine, but the CLI insists the binary exists and would
      // otherwise try to download it (unreachable on these machines).
      PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath,
      PRISMA_HIDE_UPDATE_MESSAGE: "1",
    },
  });
}
console.log(`prisma: generated clients for ${providers.join(", ")}`);
