import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  // "server-only" throws outside Next's server bundles: here it is the empty scripts/server-only-off.ts.
  resolve: { alias: { "@": path.resolve(import.meta.dirname), "server-only": path.resolve(import.meta.dirname, "scripts/server-only-off.ts") } },
  test: {
    include: ["lib/**/*.test.ts", "prisma/**/*.test.ts", "scripts/**/*.test.ts", "tests/**/*.test.ts"],
    environment: "node",
    // Files run side by side, each worker on a database of its own (vitest.global-setup.ts).
    // Most time is spent waiting on the database, so a worker more than the cores pays off.
    maxWorkers: Number(process.env.DEPT_TEST_WORKERS ?? 3),
    globalSetup: ["./vitest.global-setup.ts"],
    setupFiles: ["./vitest.setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
