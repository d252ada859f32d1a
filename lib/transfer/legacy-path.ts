// The key an old address is kept and looked up under (model ArticleLegacyUrl): its path without
// the trailing slash, or "/?p=123" for WordPress's short links. Pure, so the proxy and the
// importers agree on it without touching the database.

const SHORT_LINK = /^(p|page_id)$/;
const PATH_MAX = 1000;

/** `url`: an absolute address or a path with its query; null when it names no page of its own. */
export function legacyPathOf(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url, "http://old.invalid");
  } catch {
    return null;
  }
  const path = parsed.pathname.replace(/\/+$/, "");
  if (path === "" || path === "/index.php") {
    // The home page is the home page here too; only its ?p=123 form names a post.
    for (const [key, value] of parsed.searchParams) if (SHORT_LINK.test(key) && /^\d+$/.test(value)) return `/?p=${value}`;
    return null;
  }
  return path.length <= PATH_MAX ? path : null;
}

// The first segments of this site's own addresses (app/, public files, Next's): never old ones.
// tests/transfer/legacy-path.test.ts keeps the list equal to app/'s folders and files.
export const OWN_SEGMENTS = new Set([
  "_next", "admin", "api", "articles", "best", "comments", "credits", "feed.xml", "forgot-password", "moderation", "newsletter",
  "notifications", "page", "register", "reset-password", "settings", "signin", "signout", "tags", "users", "verify-email", "write",
  "favicon.ico", "icon.svg", "apple-icon.png", "opengraph-image.png", "robots.txt", "sitemap.xml", "bench-reference.html",
]);

/** Whether an old-address key can be answered at all: one under the site's own first segments
 *  (a WordPress site whose permalinks were /articles/%postname%/) is the site's own address. */
export function isAnswerableLegacyPath(key: string): boolean {
  return key.startsWith("/?") || !OWN_SEGMENTS.has(key.split("/")[1] ?? "");
}

/** The old-address key of a request the site has no page for, or null for the site's own paths. */
export function legacyCandidate(pathname: string, search: string): string | null {
  // The site's own paths are most of what reaches the proxy: passed by before any parsing.
  return isAnswerableLegacyPath(pathname) ? legacyPathOf(`${pathname}${search}`) : null;
}
