import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { BASE_POLICY, newNonce, noncePolicy } from "./csp";

describe("content security policy", () => {
  it("next.config.js sends the same base policy the nonce policy builds on", () => {
    const config = createRequire(import.meta.url)("../../next.config.js") as { headers: () => Promise<{ headers: { key: string; value: string }[] }[]> };
    return config.headers().then(([rule]) => {
      expect(rule.headers.find((h) => h.key === "Content-Security-Policy")?.value).toBe(BASE_POLICY);
    });
  });

  it("gives every page its own unguessable nonce and never allows inline scripts outright", () => {
    const nonces = new Set(Array.from({ length: 100 }, newNonce));
    expect(nonces.size).toBe(100);
    for (const n of nonces) expect(n).toMatch(/^[A-Za-z0-9+/]{24}$/);
    const policy = noncePolicy("abc");
    expect(policy).toContain("script-src 'self' 'nonce-abc' 'strict-dynamic'");
    expect(policy).not.toContain("unsafe-inline");
    expect(policy).not.toContain("unsafe-eval");
    expect(noncePolicy("abc", true)).toContain("'unsafe-eval'");
  });
});
