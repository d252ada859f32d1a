// Builds each provider's Prisma schema from the shared model file. Used by the generator
// script and by the drift test, so both agree on what "in sync" means.
import { readFileSync } from "node:fs";
import path from "node:path";

export const providers = ["sqlite", "postgres"] as const;
export type Provider = (typeof providers)[number];

const root = path.resolve(import.meta.dirname, "..", "..");

export function schemaPath(provider: Provider): string {
  return path.join(root, "prisma", provider, "schema.prisma");
}

export function migrationsDir(provider: Provider): string {
  return path.join(root, "prisma", provider, "migrations");
}

export function expectedSchema(provider: Provider): string {
  const header = readFileSync(path.join(root, "prisma", "providers", `${provider}.prisma`), "utf8");
  const models = readFileSync(path.join(root, "prisma", "models.prisma"), "utf8");
  return `${header}\n// ---- everything below is copied from prisma/models.prisma; edit that file ----\n\n${models}`;
}
