import { createHash } from "node:crypto";
import { env } from "../env";

// RSS 2.0 writer. Every value is entity-escaped (no CDATA), so no user text can break out of
// its element; characters XML 1.0 forbids are dropped.
export type RssItem = { title: string; link: string; guid: string; pubDate: string; author?: string; descriptionHtml: string };
// `language` defaults to the site's (SITE_LANGUAGE), so no feed goes out without one.
export type RssChannel = { title: string; link: string; selfLink: string; description: string; language?: string; items: RssItem[] };

const INVALID_XML = /[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function xmlEscape(text: string): string {
  return text
    .replace(INVALID_XML, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

const el = (name: string, value: string) => `<${name}>${xmlEscape(value)}</${name}>`;

export function buildRss(channel: RssChannel): string {
  const lastBuild = channel.items[0]?.pubDate ?? new Date(0).toISOString();
  const items = channel.items.map((item) =>
    [
      "<item>",
      el("title", item.title),
      el("link", item.link),
      `<guid isPermaLink="true">${xmlEscape(item.guid)}</guid>`,
      el("pubDate", new Date(item.pubDate).toUTCString()),
      item.author ? el("dc:creator", item.author) : "",
      el("description", item.descriptionHtml),
      "</item>",
    ].join(""),
  );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/">',
    "<channel>",
    el("title", channel.title),
    el("link", channel.link),
    el("description", channel.description),
    el("language", channel.language ?? env().SITE_LANGUAGE),
    `<atom:link href="${xmlEscape(channel.selfLink)}" rel="self" type="application/rss+xml"/>`,
    el("lastBuildDate", new Date(lastBuild).toUTCString()),
    ...items,
    "</channel>",
    "</rss>",
  ].join("\n");
}

/** A strong validator: the same feed, byte for byte, has the same tag on every instance. */
export function feedEtag(xml: string): string {
  return `"${createHash("sha256").update(xml).digest("base64url").slice(0, 27)}"`;
}

// Feed readers poll: with an ETag and the time the feed was built (stored with it when the feed
// is a cached response), the server answers their If-None-Match / If-Modified-Since with a 304
// instead of the whole feed (lib/server/http-caching.js). Not the newest item's date: hiding or
// editing a comment changes a feed without adding a newer item.
export function rssResponse(xml: string, builtAt = new Date()): Response {
  return new Response(xml, {
    headers: {
      "Content-Type": "application/rss+xml; charset=utf-8",
      "Cache-Control": "public, max-age=60",
      ETag: feedEtag(xml),
      "Last-Modified": builtAt.toUTCString(),
    },
  });
}
