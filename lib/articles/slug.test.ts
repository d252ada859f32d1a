import { describe, expect, it } from "vitest";
import { parseSlug } from "../route-params";
import { SLUG_MAX, nextFreeSlug, slugFromTitle, slugify } from "./slug";

describe("slugify", () => {
  it.each([
    ["Copyright Bot Takes Down Its Own Terms of Service", "copyright-bot-takes-down-its-own-terms-of-service"],
    ["Zoë's Big Day: Ink & Oil!", "zoes-big-day-ink-oil"],
    ["  --Already-a-slug--  ", "already-a-slug"],
    ["It’s 2026, and the FCC Says “No”", "its-2026-and-the-fcc-says-no"],
    ["Crème brûlée", "creme-brulee"],
    ["", ""],
    ["!!!", ""],
    ["東京", ""],
  ])("%j → %j", (title, slug) => {
    expect(slugify(title)).toBe(slug);
  });

  it("cuts long titles at a word boundary and never ends on a hyphen", () => {
    const slug = slugify("word ".repeat(60));
    expect(slug.length).toBeLessThanOrEqual(80);
    expect(slug).toMatch(/^word(-word)*$/);
    expect(slugify("a".repeat(120))).toBe("a".repeat(80));
  });

  it("always yields a slug the article route accepts", () => {
    for (const title of ["Hello, World", "Ünïcödé Tïtle", "東京", "-", "x".repeat(500), "a — b"]) {
      expect(parseSlug(slugFromTitle(title))).toBe(slugFromTitle(title));
    }
    expect(slugFromTitle("東京")).toBe("article");
  });
});

describe("nextFreeSlug", () => {
  it("keeps a free slug and suffixes a taken one with the first free number", () => {
    expect(nextFreeSlug("ink", new Set())).toBe("ink");
    expect(nextFreeSlug("ink", new Set(["ink"]))).toBe("ink-2");
    expect(nextFreeSlug("ink", new Set(["ink", "ink-2", "ink-3"]))).toBe("ink-4");
    // A gap is reused.
    expect(nextFreeSlug("ink", new Set(["ink", "ink-3"]))).toBe("ink-2");
  });

  it("stays within the maximum length when suffixing a full-length slug", () => {
    const base = "a".repeat(SLUG_MAX);
    const slug = nextFreeSlug(base, new Set([base]));
    expect(slug).toHaveLength(SLUG_MAX);
    expect(slug.endsWith("-2")).toBe(true);
    expect(parseSlug(slug)).toBe(slug);
  });
});
