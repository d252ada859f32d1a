import { describe, expect, it } from "vitest";
import { localInputToDate, parseTzOffset, toLocalInputValue } from "./local-time";
import { SaveArticleInput } from "./schemas";
import { cpuMsSince, cpuNow } from "@/tests/support/cpu-time";

const good = { articleId: "", title: " Ink Is  the New Oil ", dept: "ink-is-the-new-oil", slug: "", tags: "Copyright, privacy", body: "# Hi\n\nText.", excerpt: "", intent: "draft", publishAt: "", tzOffset: "" };
const parse = (input: object) => SaveArticleInput.safeParse({ ...good, ...input });
const errorsOf = (input: object) => {
  const r = parse(input);
  return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [String(i.path[0]), i.message]));
};

describe("SaveArticleInput", () => {
  it("cleans the fields and leaves a blank slug and excerpt for later", () => {
    const { articleId, article, publication } = parse({}).data!;
    expect(articleId).toBeUndefined();
    expect(article).toEqual({ title: "Ink Is the New Oil", dept: "ink-is-the-new-oil", slug: undefined, tags: [{ name: "Copyright", slug: "copyright" }, { name: "privacy", slug: "privacy" }], body: "# Hi\n\nText.", excerpt: null });
    expect(publication).toEqual({ intent: "draft" });
  });

  it.each([
    ["from the not how it works dept", "not-how-it-works"],
    ["From The  ink-is-the-new-oil  Dept.", "ink-is-the-new-oil"],
    ["crossed wires", "crossed-wires"],
  ])("reads the dept line %j as %j", (dept, expected) => {
    expect(parse({ dept }).data!.article.dept).toBe(expected);
  });

  it("lower-cases a typed slug and dedupes tags by slug, keeping the first spelling", () => {
    const { article } = parse({ slug: " My-Slug ", tags: "Privacy, privacy , PRIVACY!,, Law " }).data!;
    expect(article.slug).toBe("my-slug");
    expect(article.tags).toEqual([{ name: "Privacy", slug: "privacy" }, { name: "Law", slug: "law" }]);
  });

  it("reports every bad field at once", () => {
    expect(errorsOf({ title: "  ", dept: "from the dept", slug: "no spaces", tags: "x".repeat(41), body: " \n ", excerpt: "e".repeat(301), intent: "schedule", publishAt: "" })).toEqual({
      title: "Give the article a title.",
      dept: 'Fill in the dept line: "from the … dept".',
      slug: "Use lower-case letters, digits and hyphens (up to 200), starting with a letter or digit.",
      tags: expect.stringContaining("Keep each tag to 40 characters"),
      body: "Write the article first.",
      excerpt: "Keep the excerpt to 300 characters or fewer.",
      publishAt: "Choose the date and time to publish at.",
    });
  });

  it("limits tags to ten and refuses a tag with no letter or digit", () => {
    expect(errorsOf({ tags: Array.from({ length: 11 }, (_, i) => `t${i}`).join(",") })).toEqual({ tags: "Use at most 10 tags." });
    expect(errorsOf({ tags: "ok, !!!" })).toEqual({ tags: 'Each tag needs a letter or digit ("!!!").' });
  });

  // Tags were de-duplicated by searching every tag kept so far: 30,000 distinct ones took seconds.
  it.each([
    ["distinct tags", Array.from({ length: 30_000 }, (_, i) => `t${i}`).join(","), "Use at most 10 tags."],
    ["tags without a letter or digit", "\uD800,".repeat(50_000), 'Each tag needs a letter or digit ("\uFFFD").'],
    ["tags too long", `${"x".repeat(41)},`.repeat(2_500), 'Keep each tag to 40 characters or fewer ("xxxxxxxxxxxxxxxxxxxx…").'],
  ])("answers 100 KiB of %s at once, with the problem said once", (_name, tags, message) => {
    const since = cpuNow();
    expect(errorsOf({ tags })).toEqual({ tags: message });
    expect(parse({ tags }).error!.issues).toHaveLength(1);
    expect(cpuMsSince(since)).toBeLessThan(500);
  });

  it("needs a future time to schedule, and converts the writer's local time to UTC", () => {
    expect(errorsOf({ intent: "schedule", publishAt: "2001-01-01T10:00", tzOffset: "0" })).toEqual({ publishAt: "Choose a time in the future, or press Publish to publish now." });
    expect(errorsOf({ intent: "schedule", publishAt: "2031-02-30T10:00", tzOffset: "0" })).toEqual({ publishAt: "Choose the date and time to publish at." });
    // 10:00 in UTC+2 (offset -120) is 08:00 UTC.
    expect(parse({ intent: "schedule", publishAt: "2031-06-01T10:00", tzOffset: "-120" }).data!.publication).toEqual({ intent: "schedule", publishAt: new Date("2031-06-01T08:00:00Z") });
    // A time is ignored unless Schedule was pressed.
    expect(parse({ intent: "publish", publishAt: "2001-01-01T10:00" }).data!.publication).toEqual({ intent: "publish" });
    expect(errorsOf({ intent: "delete" })).toEqual({ intent: "Choose Save draft, Publish or Schedule." });
  });
});

describe("local date-times", () => {
  it("parses offsets within ±14 hours only", () => {
    expect(parseTzOffset("-60")).toBe(-60);
    expect(parseTzOffset("")).toBeUndefined();
    expect(parseTzOffset("900")).toBeUndefined();
    expect(parseTzOffset("1e3")).toBeUndefined();
  });

  it("reads seconds when given and falls back to this machine's zone without an offset", () => {
    expect(localInputToDate("2031-06-01T10:00:30", 60)).toEqual(new Date("2031-06-01T11:00:30Z"));
    expect(localInputToDate("2031-06-01T10:00", undefined)).toEqual(new Date(2031, 5, 1, 10, 0));
    expect(localInputToDate("2031-06-01 10:00", 0)).toBeNull();
    expect(localInputToDate("2031-13-01T10:00", 0)).toBeNull();
  });

  it("writes an instant back as this machine's datetime-local value, round-trip", () => {
    const at = new Date(2031, 5, 1, 9, 5, 7);
    expect(toLocalInputValue(at)).toBe("2031-06-01T09:05:07");
    expect(toLocalInputValue(new Date(2031, 5, 1, 9, 5))).toBe("2031-06-01T09:05");
    expect(localInputToDate(toLocalInputValue(at))).toEqual(at);
  });
});
