// The settings scripts/serve.mjs reads for itself, and the heap cap its starters pass to Node.
import { describe, expect, it } from "vitest";
import { heapFlag, serverSettings } from "../../lib/server/server-settings.js";

/** An environment holding only `vars` (Next's types make NODE_ENV required). */
const env = (vars: Record<string, string> = {}) => vars as unknown as NodeJS.ProcessEnv;

describe("server settings", () => {
  it("caps the server's heap at 256 MiB unless NODE_HEAP_MB says otherwise", () => {
    expect(heapFlag(env())).toBe("--max-old-space-size=256");
    expect(heapFlag(env({ NODE_HEAP_MB: " 512 " }))).toBe("--max-old-space-size=512");
    expect(serverSettings(env({ NODE_HEAP_MB: "" })).heapMb).toBe(256);
  });

  it("stops at start on a heap cap that is not a positive whole number", () => {
    for (const bad of ["lots", "0", "-64", "1.5"]) expect(() => heapFlag(env({ NODE_HEAP_MB: bad }))).toThrow(`NODE_HEAP_MB must be a positive whole number (got "${bad}")`);
  });
});
