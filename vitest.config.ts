import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  // "server-only" throws outside Next's server bundles: here it is the empty scripts/server-only-off.ts.
  resolve: { alias: { "@": path.resolve(import.meta.dirname), "server-only": path.resolve(import.meta.dirname, "scripts/server-only-off.ts") } },
  test: {
    include: ["lib/**/*.test.ts", "prisma/**/*.test.ts", "scripts/**/*.test.ts", "tests/**/*.test.ts"],
    environment: "node",
    // Integration tests share one real database per run; files run one after another.
    fileParallelism: false,
    globalSetup: ["./vitest.global-setup.ts"],
    setupFiles: ["./vitest.setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
