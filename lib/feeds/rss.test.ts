import { XMLParser } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { buildRss, rssResponse, xmlEscape } from "./rss";

describe("buildRss", () => {
  const xml = buildRss({
    title: "Dept & friends",
    link: "http://localhost:3000",
    selfLink: "http://localhost:3000/feed.xml",
    description: "d",
    items: [
      {
        title: "A <b>bold</b> ]]> claim",
        link: "http://localhost:3000/articles/a",
        guid: "http://localhost:3000/articles/a",
        pubDate: "2026-11-20T10:00:00.000Z",
        author: "Ada",
        descriptionHtml: "<p>Body</p>]]><script>alert(1)</script>",
      },
    ],
  });

  it("parses as RSS 2.0 with the item's fields intact", () => {
    const doc = new XMLParser({ ignoreAttributes: false }).parse(xml);
    expect(doc.rss["@_version"]).toBe("2.0");
    expect(doc.rss.channel.title).toBe("Dept & friends");
    const item = doc.rss.channel.item;
    expect(item.title).toBe("A <b>bold</b> ]]> claim");
    expect(item.pubDate).toBe("Fri, 20 Nov 2026 10:00:00 GMT");
    expect(item.description).toContain("<script>");
  });

  it("names its language: the site's unless the channel gives its own", () => {
    const parse = (text: string) => new XMLParser().parse(text).rss.channel.language;
    expect(parse(xml)).toBe("en");
    expect(parse(buildRss({ title: "t", link: "l", selfLink: "s", description: "d", language: "fr-CA", items: [] }))).toBe("fr-CA");
  });

  it("never lets text out of its element: markup and CDATA terminators are escaped", () => {
    expect(xml).not.toContain("<script>");
    expect(xml).not.toContain("]]>");
  });

  it("drops characters XML cannot carry", () => {
    expect(xmlEscape("a\u0000b\u0007c\uFFFEd")).toBe("abcd");
  });
});

describe("rssResponse", () => {
  it("tags the feed by its bytes and dates it by its build, so readers can ask whether it changed", () => {
    const builtAt = new Date("2026-12-03T14:00:00.400Z");
    const a = rssResponse("<rss>a</rss>", builtAt).headers;
    expect(a.get("etag")).toMatch(/^"[\w-]{27}"$/);
    expect(rssResponse("<rss>a</rss>").headers.get("etag")).toBe(a.get("etag"));
    expect(rssResponse("<rss>b</rss>").headers.get("etag")).not.toBe(a.get("etag"));
    expect(a.get("last-modified")).toBe("Thu, 03 Dec 2026 14:00:00 GMT");
  });
});
