// Small helpers shared by the start and test scripts (plain Node, no build step needed).
import { spawn } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

export const root = path.resolve(import.meta.dirname, "..");
const bin = (name) => path.join(root, "node_modules", ".bin", name);

/** Runs a command from node_modules/.bin (or a full command), resolving with its exit code. */
export function run(command, args, { env = process.env, label } = {}) {
  const file = existsSync(bin(command)) ? bin(command) : command;
  if (label) console.log(`\n▶ ${label}`);
  return new Promise((resolve) => {
    const child = spawn(file, args, { cwd: root, env, stdio: "inherit" });
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

export async function mustRun(command, args, options) {
  const code = await run(command, args, options);
  if (code !== 0) {
    console.error(`✗ ${options?.label ?? command} failed (exit ${code})`);
    process.exit(code);
  }
}

/** Newest modification time under the given paths (files and folders, recursively). */
export function newestMtime(paths, skip = new Set(["node_modules", ".next", "generated", "data", "test-results"])) {
  let newest = 0;
  const visit = (p) => {
    if (!existsSync(p)) return;
    const st = statSync(p);
    newest = Math.max(newest, st.mtimeMs);
    if (st.isDirectory()) for (const name of readdirSync(p)) if (!skip.has(name) && !name.startsWith(".next")) visit(path.join(p, name));
  };
  for (const p of paths) visit(path.join(root, p));
  return newest;
}

export const sourcePaths = ["app", "components", "lib", "prisma", "public", "next.config.js", "package.json", "package-lock.json", "tsconfig.json"];
