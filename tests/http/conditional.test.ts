// Conditional GETs (lib/http/conditional.js): when a client's copy may be answered with a 304,
// and when a render's date may be sent at all.
import { describe, expect, it } from "vitest";
import { etagMatches, isNotModified, lastModifiedToSend } from "@/lib/http/conditional";

const at = (iso: string) => Date.parse(iso);
const LM = "Thu, 03 Dec 2026 14:00:00 GMT";

describe("If-None-Match", () => {
  it("matches the response's tag in a list, weakly (W/ on either side), or *", () => {
    expect(etagMatches('"abc"', '"abc"')).toBe(true);
    expect(etagMatches('"x", "abc" ,"y"', '"abc"')).toBe(true);
    expect(etagMatches('W/"abc"', '"abc"')).toBe(true);
    expect(etagMatches('"abc"', 'W/"abc"')).toBe(true);
    expect(etagMatches("*", '"abc"')).toBe(true);
    expect(etagMatches('"abd"', '"abc"')).toBe(false);
    expect(etagMatches('"ab"', '"abc"')).toBe(false);
    expect(etagMatches("", '"abc"')).toBe(false);
  });

  it("decides alone when present: a matching date does not save a changed tag", () => {
    expect(isNotModified({ ifNoneMatch: '"old"', ifModifiedSince: LM }, { etag: '"new"', lastModified: LM })).toBe(false);
    expect(isNotModified({ ifNoneMatch: '"new"', ifModifiedSince: "Thu, 01 Jan 1970 00:00:00 GMT" }, { etag: '"new"', lastModified: LM })).toBe(true);
    expect(isNotModified({ ifNoneMatch: '"new"' }, {})).toBe(false);
  });
});

describe("If-Modified-Since", () => {
  it("is not modified when the response is no newer than the client's date", () => {
    expect(isNotModified({ ifModifiedSince: LM }, { lastModified: LM })).toBe(true);
    expect(isNotModified({ ifModifiedSince: "Thu, 03 Dec 2026 15:00:00 GMT" }, { lastModified: LM })).toBe(true);
    expect(isNotModified({ ifModifiedSince: "Thu, 03 Dec 2026 13:59:59 GMT" }, { lastModified: LM })).toBe(false);
  });

  it("needs a date on both sides that parses", () => {
    expect(isNotModified({ ifModifiedSince: LM }, {})).toBe(false);
    expect(isNotModified({ ifModifiedSince: "yesterday" }, { lastModified: LM })).toBe(false);
    expect(isNotModified({}, { lastModified: LM, etag: '"a"' })).toBe(false);
  });
});

describe("Last-Modified to send", () => {
  it("is held back until its second is over, so two renders in one second never share a date a client holds", () => {
    expect(lastModifiedToSend(LM, at("2026-12-03T14:00:00.000Z"))).toBeUndefined();
    expect(lastModifiedToSend(LM, at("2026-12-03T14:00:00.999Z"))).toBeUndefined();
    expect(lastModifiedToSend(LM, at("2026-12-03T14:00:01.000Z"))).toBe(LM);
    expect(lastModifiedToSend(LM, at("2026-12-04T09:00:00.000Z"))).toBe(LM);
  });

  it("is never a date ahead of this server's clock, nor one that does not parse", () => {
    expect(lastModifiedToSend(LM, at("2026-12-03T13:59:59.000Z"))).toBeUndefined();
    expect(lastModifiedToSend("not a date", at("2026-12-04T00:00:00Z"))).toBeUndefined();
    expect(lastModifiedToSend(undefined, at("2026-12-04T00:00:00Z"))).toBeUndefined();
  });
});
