import { describe, expect, it } from "vitest";
import { networkOf, parseTrustProxy, resolveClientAddress } from "./client-address";

describe("the client's address", () => {
  it("is the TCP peer's by default, whatever X-Forwarded-For says", () => {
    const trust = parseTrustProxy(undefined);
    expect(resolveClientAddress("6.6.6.6", "203.0.113.9", trust)).toBe("203.0.113.9");
    expect(resolveClientAddress(["1.1.1.1, 2.2.2.2"], "::ffff:203.0.113.9", trust)).toBe("203.0.113.9");
    expect(resolveClientAddress(undefined, undefined, trust)).toBe("unknown");
  });

  it("behind one trusted proxy, is the address that proxy appended, not one the client wrote", () => {
    const trust = parseTrustProxy("1");
    // nginx's $proxy_add_x_forwarded_for: the client's own header, then the address nginx saw.
    expect(resolveClientAddress("6.6.6.6, 198.51.100.7", "127.0.0.1", trust)).toBe("198.51.100.7");
    expect(resolveClientAddress("198.51.100.7", "127.0.0.1", trust)).toBe("198.51.100.7");
    // A forged entry the proxy did not vouch for is never used, however many there are.
    expect(resolveClientAddress("1.1.1.1, 2.2.2.2, 198.51.100.7", "127.0.0.1", trust)).toBe("198.51.100.7");
    // No header at all: the proxy itself is the client as far as anyone can tell.
    expect(resolveClientAddress(undefined, "127.0.0.1", trust)).toBe("127.0.0.1");
    expect(resolveClientAddress("not-an-address", "127.0.0.1", trust)).toBe("unknown");
  });

  it("with two hops, skips exactly two", () => {
    expect(resolveClientAddress("6.6.6.6, 198.51.100.7, 10.0.0.2", "10.0.0.1", parseTrustProxy("2"))).toBe("198.51.100.7");
  });

  it("with trusted networks, skips only hops inside them", () => {
    const trust = parseTrustProxy("127.0.0.1/8, 10.0.0.0/8, ::1");
    expect(resolveClientAddress("6.6.6.6, 198.51.100.7, 10.1.2.3", "127.0.0.1", trust)).toBe("198.51.100.7");
    expect(resolveClientAddress("6.6.6.6", "203.0.113.9", trust)).toBe("203.0.113.9");
    expect(resolveClientAddress("2001:db8::5", "::1", trust)).toBe("2001:db8::5");
    expect(() => parseTrustProxy("proxy.example")).toThrow(/TRUST_PROXY/);
  });
});

describe("networkOf", () => {
  it("groups IPv4 by /24 and IPv6 by /64", () => {
    expect(networkOf("203.0.113.9")).toBe("203.0.113.0/24");
    expect(networkOf("::ffff:203.0.113.200")).toBe("203.0.113.0/24");
    expect(networkOf("2001:db8:1:2:aaaa::1")).toBe("2001:db8:1:2::/64");
    expect(networkOf("2001:db8::1")).toBe("2001:db8:0:0::/64");
    expect(networkOf("2001:db8:1:2:ffff:ffff:ffff:ffff")).toBe(networkOf("2001:db8:1:2::9"));
    expect(networkOf("nonsense")).toBe("unknown");
  });
});
