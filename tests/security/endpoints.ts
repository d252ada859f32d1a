// Every way to change state from outside, found on disk rather than listed by hand, so that a new
// one cannot be forgotten by the authorization matrix: each export of a module whose first
// statement is the use-server directive is a server action, and each POST/PUT/PATCH/DELETE
// export of app/**/route.ts is a mutating route handler.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

export type Endpoint = {
  /** "lib/comments/actions.ts#postCommentAction", "app/api/comments/route.ts#POST" */
  key: string;
  kind: "action" | "route";
  handler: (...args: never[]) => Promise<unknown>;
};

const MUTATING_METHODS = ["POST", "PUT", "PATCH", "DELETE"];
const SKIPPED_DIRECTORIES = new Set(["node_modules", "generated", ".next"]);

function sourceFiles(root: string, dir: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const relative = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRECTORIES.has(entry.name)) files.push(...sourceFiles(root, relative));
    } else if (/\.tsx?$/.test(entry.name) && !/\.(test|d)\.tsx?$/.test(entry.name)) {
      files.push(relative);
    }
  }
  return files;
}

const withoutComments = (source: string) => source.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:])\/\/.*$/gm, "$1");
const DIRECTIVE = /(["'])use server\1/g;

/** The module-level directive: the first statement of the file. */
export function isServerActionModule(source: string): boolean {
  return /^\s*(["'])use server\1/.test(withoutComments(source));
}

/** A directive inside a function body: an inline server action, which this enumeration cannot list. */
export function hasInlineServerAction(source: string): boolean {
  const count = withoutComments(source).match(DIRECTIVE)?.length ?? 0;
  return count > (isServerActionModule(source) ? 1 : 0);
}

export type Enumeration = { endpoints: Endpoint[]; inlineServerActions: string[] };

/** Imports every server-action module and route module under lib/, app/ and components/. */
export async function enumerateEndpoints(root = process.cwd()): Promise<Enumeration> {
  const endpoints: Endpoint[] = [];
  const inlineServerActions: string[] = [];
  for (const file of ["lib", "app", "components"].flatMap((dir) => sourceFiles(root, dir)).sort()) {
    const source = readFileSync(path.join(root, file), "utf8");
    if (hasInlineServerAction(source)) inlineServerActions.push(file);
    const isRoute = file.startsWith("app/") && /\/route\.tsx?$/.test(file);
    if (!isRoute && !isServerActionModule(source)) continue;
    const mod = (await import(/* @vite-ignore */ path.join(root, file))) as Record<string, unknown>;
    for (const [name, value] of Object.entries(mod)) {
      if (typeof value !== "function") continue;
      if (isRoute && !MUTATING_METHODS.includes(name)) continue;
      endpoints.push({ key: `${file}#${name}`, kind: isRoute ? "route" : "action", handler: value as Endpoint["handler"] });
    }
  }
  return { endpoints, inlineServerActions };
}
