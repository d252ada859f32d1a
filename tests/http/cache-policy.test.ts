// Which Cache-Control each kind of response leaves with (lib/http/cache-policy.js).
import { describe, expect, it } from "vitest";
import { PER_READER, PUBLIC_PAGE, cacheControlFor, isPersonalRequest } from "@/lib/http/cache-policy";

const NEXT_ISR = "s-maxage=3600, stale-while-revalidate=31532400";
const NEXT_DYNAMIC = "private, no-cache, no-store, max-age=0, must-revalidate";
const anonymous = (path: string, cacheControl: string | undefined, status = 200) => cacheControlFor({ path, status, cacheControl, personal: false });
const signedIn = (path: string, cacheControl: string | undefined, status = 200) => cacheControlFor({ path, status, cacheControl, personal: true });

describe("a request with a session", () => {
  it("is told by its cookies, as nginx tells it", () => {
    for (const cookie of ["dept.session=x", "a=1; dept.session=x", "__Secure-dept.session=x", "dept.session.0=x; dept.session.1=y", "dept.fresh=1.abc"]) {
      expect(isPersonalRequest(cookie), cookie).toBe(true);
    }
    for (const cookie of [undefined, "", "dept.visitor=x", "next-auth.csrf-token=x", "xdept.session=x", "dept.sessions=x"]) {
      expect(isPersonalRequest(cookie), String(cookie)).toBe(false);
    }
  });

  it("never gets a response a shared cache may store", () => {
    expect(signedIn("/articles/a", NEXT_ISR)).toBe(PER_READER);
    expect(signedIn("/feed.xml", "public, max-age=60")).toBe(PER_READER);
    expect(signedIn("/robots.txt", "public, max-age=0, must-revalidate")).toBe(PER_READER);
    for (const kept of [NEXT_DYNAMIC, "private, no-store", "no-store"]) expect(signedIn("/settings", kept)).toBe(kept);
    expect(signedIn("/signin", NEXT_DYNAMIC)).toBe(PER_READER);
  });
});

describe("an anonymous request", () => {
  it("gets cached pages as public, briefly, for shared caches; browsers revalidate", () => {
    expect(anonymous("/articles/a", NEXT_ISR)).toBe(PUBLIC_PAGE);
    expect(anonymous("/", "s-maxage=3600")).toBe(PUBLIC_PAGE);
    expect(PUBLIC_PAGE).toMatch(/^public, max-age=0, s-maxage=\d+, stale-while-revalidate=\d+$/);
  });

  it("gets the form pages as the reader's own, kept but revalidated (never no-store)", () => {
    for (const path of ["/signin", "/register", "/forgot-password"]) expect(anonymous(path, NEXT_DYNAMIC)).toBe(PER_READER);
    // A redirect or an error from them is left as Next says.
    expect(anonymous("/signin", NEXT_DYNAMIC, 307)).toBe(NEXT_DYNAMIC);
  });

  it("leaves private pages, the app's own choices and immutable files alone", () => {
    for (const path of ["/settings", "/admin", "/moderation", "/notifications", "/reset-password", "/"]) expect(anonymous(path, NEXT_DYNAMIC)).toBe(NEXT_DYNAMIC);
    expect(anonymous("/api/viewer", "private, no-store")).toBe("private, no-store");
    expect(anonymous("/feed.xml", "public, max-age=60")).toBe("public, max-age=60");
    expect(anonymous("/_next/static/x.js", "public, max-age=31536000, immutable")).toBe("public, max-age=31536000, immutable");
    expect(signedIn("/_next/static/x.js", "public, max-age=31536000, immutable")).toBe("public, max-age=31536000, immutable");
    expect(anonymous("/x", undefined)).toBeUndefined();
  });
});
