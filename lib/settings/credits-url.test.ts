import { describe, expect, it } from "vitest";
import { SiteSettings } from "./defaults";
import { UpdateSettingsInput } from "./schemas";

// The optional "where to get credits" link an admin names: shown as a link on /credits, so only
// a web address (or nothing) may be stored.
const form = (creditsUrl: string) => ({ ...Object.fromEntries(Object.entries(SiteSettings.parse({})).map(([k, v]) => [k, typeof v === "boolean" ? (v ? "on" : undefined) : String(v)])), creditsUrl });

describe("creditsUrl setting", () => {
  it("is empty by default", () => {
    expect(SiteSettings.parse({}).creditsUrl).toBe("");
  });

  it("takes an https address or nothing from the admin form", () => {
    expect(UpdateSettingsInput.parse(form("  https://shop.example.org/credits ")).creditsUrl).toBe("https://shop.example.org/credits");
    expect(UpdateSettingsInput.parse(form("")).creditsUrl).toBe("");
  });

  it("refuses anything that is not a web address, with words saying so", () => {
    for (const bad of ["javascript:alert(1)", "shop.example.org", "https://exa mple.org", "https://example.org/\0nul", `https://example.org/${"a".repeat(300)}`]) {
      const result = UpdateSettingsInput.safeParse(form(bad));
      expect(result.success, bad).toBe(false);
      expect(result.error?.issues[0].path).toEqual(["creditsUrl"]);
    }
  });

  it("falls back to nothing when a stored value is not a web address", () => {
    expect(SiteSettings.shape.creditsUrl.safeParse("javascript:alert(1)").success).toBe(false);
  });
});
