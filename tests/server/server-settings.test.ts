// The settings scripts/serve.mjs reads for itself, and the heap cap its starters pass to Node.
import { describe, expect, it } from "vitest";
import { heapFlag, serverSettings } from "../../lib/server/server-settings.js";

describe("server settings", () => {
  it("caps the server's heap at 256 MiB unless NODE_HEAP_MB says otherwise", () => {
    expect(heapFlag({})).toBe("--max-old-space-size=256");
    expect(heapFlag({ NODE_HEAP_MB: " 512 " })).toBe("--max-old-space-size=512");
    expect(serverSettings({ NODE_HEAP_MB: "" }).heapMb).toBe(256);
  });

  it("stops at start on a heap cap that is not a positive whole number", () => {
    for (const bad of ["lots", "0", "-64", "1.5"]) expect(() => heapFlag({ NODE_HEAP_MB: bad })).toThrow(`NODE_HEAP_MB must be a positive whole number (got "${bad}")`);
  });
});
