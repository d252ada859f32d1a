// What the server logs about a request (lib/server/request-log.js): an id no client can choose
// unless it is a trusted proxy, a path without the query string's tokens, and the signed-in
// user's id read from the session cookie the app issues.
import { encode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { parseTrustProxy } from "@/lib/http/client-address";
import { isTrustedPeer, loggedPath, requestIdFor, sessionUserReader } from "@/lib/server/request-log";

const SECRET = "a-test-secret-of-enough-length-0123456789";

describe("request id", () => {
  it("is our own unless a trusted proxy sent a short, safe one", () => {
    expect(requestIdFor("proxy-id-1", false)).not.toBe("proxy-id-1");
    expect(requestIdFor("proxy-id-1", true)).toBe("proxy-id-1");
    for (const bad of ["a\nforged log line", "x".repeat(65), "<script>", "", "id with spaces"]) expect(requestIdFor(bad, true)).not.toBe(bad);
    const ids = new Set(Array.from({ length: 100 }, () => requestIdFor(undefined, false)));
    expect(ids.size).toBe(100);
  });

  it("is taken from a peer only as far as TRUST_PROXY goes", () => {
    expect(isTrustedPeer(parseTrustProxy(""), "10.0.0.1")).toBe(false);
    expect(isTrustedPeer(parseTrustProxy("1"), "203.0.113.9")).toBe(true);
    const networks = parseTrustProxy("10.0.0.0/8,::1");
    expect(isTrustedPeer(networks, "::ffff:10.1.2.3")).toBe(true);
    expect(isTrustedPeer(networks, "::1")).toBe(true);
    expect(isTrustedPeer(networks, "203.0.113.9")).toBe(false);
  });
});

describe("logged path", () => {
  it("leaves out the query string, where reset and unsubscribe tokens travel", () => {
    expect(loggedPath("/reset-password?token=s3cret&x=1")).toBe("/reset-password");
    expect(loggedPath("/articles/a-slug")).toBe("/articles/a-slug");
    expect(loggedPath(`/${"a".repeat(1000)}`).length).toBeLessThan(310);
  });
});

describe("signed-in user", () => {
  const userIdOf = sessionUserReader({ root: "/nonexistent", secret: SECRET });

  it("is the user the session cookie names, under either cookie name", async () => {
    const token = await encode({ token: { sub: "user-123", sid: "s" }, secret: SECRET });
    expect(await userIdOf(`a=b; dept.session=${token}; c=d`)).toBe("user-123");
    expect(await userIdOf(`__Secure-dept.session=${token}`)).toBe("user-123");
  });

  it("is nobody without the cookie, or with one sealed by another secret", async () => {
    const forged = await encode({ token: { sub: "admin", sid: "s" }, secret: "some-other-secret-entirely-0123456789" });
    expect(await userIdOf(undefined)).toBeNull();
    expect(await userIdOf("theme=dark")).toBeNull();
    expect(await userIdOf(`dept.session=${forged}`)).toBeNull();
    expect(await userIdOf("dept.session=not-a-token")).toBeNull();
  });
});
