// How WordPress's fields read in Dept: its dates, its URL-encoded names, its commenters'
// websites, its authors' logins as handles, its comment states and its permalinks. Pure, so the
// importer (import-wordpress.ts) reads as the steps it takes.
import { slugify } from "../articles/slug";
import { htmlToMarkdown } from "./html-to-markdown";
import { isAnswerableLegacyPath, legacyPathOf } from "./legacy-path";
import type { WxrItem } from "./wxr-reader";

/** "2019-05-01 10:00:00" in UTC; null for WordPress's "0000-00-00 00:00:00" or anything unreadable. */
export function wpDate(gmt: string, local = ""): Date | null {
  for (const value of [gmt, local]) {
    if (!value || value.startsWith("0000")) continue;
    const date = new Date(`${value.replace(" ", "T")}Z`);
    if (!Number.isNaN(date.getTime())) return date;
  }
  return null;
}

export const decode = (value: string) => {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
};

export const plainText = (html: string) => htmlToMarkdown(html).markdown.replace(/\\([\\`*_[\]<>~|#+.)-])/g, "$1");
export const safeWebsite = (url: string) => (/^https?:\/\/[^\s]+$/i.test(url.trim()) && url.trim().length <= 300 ? url.trim() : null);

export function handleFrom(login: string, taken: Set<string>): string {
  let base = slugify(decode(login), 30).replace(/^[^a-z0-9]+/, "");
  if (base.length < 3) base = `${base || "wp"}-author`.slice(0, 30);
  let handle = base;
  for (let n = 2; taken.has(handle); n++) handle = `${base.slice(0, 30 - `-${n}`.length)}-${n}`;
  taken.add(handle);
  return handle;
}

// WordPress files every post without a category under "Uncategorized": not a topic, not a tag.
export const isPlaceholder = (term: { taxonomy: string; slug: string }) => term.taxonomy === "category" && term.slug === "uncategorized";

export const STATES: Record<string, { status: "published" | "pending" | "removed"; reason?: string }> = {
  "1": { status: "published" },
  approve: { status: "published" },
  "0": { status: "pending" },
  hold: { status: "pending" },
  spam: { status: "removed", reason: "Marked as spam on the old site." },
  trash: { status: "removed", reason: "Deleted on the old site." },
  "post-trashed": { status: "removed", reason: "Deleted on the old site with its post." },
};

/**
 * A post's old addresses as keys (legacy-path.ts): its permalink and the ?p= short link its guid
 * holds. `own` are those the site cannot answer because they are its own paths, leaving out the
 * post's new address itself (a site whose permalinks were /articles/%postname%/ keeps those).
 */
export function oldAddressesOf(item: Pick<WxrItem, "link" | "guid" | "postId">, slug: string): { answerable: string[]; own: string[] } {
  const keys = [...new Set([item.link, item.guid, `/?p=${item.postId}`].map(legacyPathOf).filter((p): p is string => p !== null))];
  return { answerable: keys.filter(isAnswerableLegacyPath), own: keys.filter((key) => !isAnswerableLegacyPath(key) && key !== `/articles/${slug}`) };
}
