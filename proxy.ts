import { NextResponse, type NextRequest } from "next/server";
import { FRESH_COOKIE, isFreshCookieFor } from "./lib/cache/fresh-cookie";
import { SERVER_ACTION_LIMIT, payloadTooLarge } from "./lib/http/body-limit";
import { newNonce, noncePolicy } from "./lib/http/csp";
import { isDefaultView, parseThreadView, variantSegment } from "./lib/comments/thread-view";
import { listRoute } from "./lib/cache/list-routes";
import { legacyCandidate } from "./lib/transfer/legacy-path";

// The default article page is cached for everyone. A reader's other choices of view, sort and
// page (?view=flat&sort=newest&cpage=2) are served by a sibling route (cached too), keeping the
// address they chose; the next view of someone who has just written to the discussion
// (lib/cache/fresh-view.ts) goes to one rendered per request, so they always see their own write.
// For a page rendered per request (at its own address, or at `rewrite`).
function withNonce(request: NextRequest, rewrite?: URL): NextResponse {
  const policy = noncePolicy(newNonce(), process.env.NODE_ENV === "development");
  // Next reads the nonce from the request's policy while rendering and puts it on its scripts.
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", policy);
  const response = rewrite ? NextResponse.rewrite(rewrite, { request: { headers } }) : NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

const ARTICLE_PAGE = /^\/articles\/([^/]+)\/?$/;
// Where the proxy sends the writer's fresh view. Asked for directly, it is served as the cached
// view is, to anyone without the cookie: it must not be a way around the cache.
const FRESH_ROUTE = /^\/articles\/([^/]+)\/fresh\/([^/]+)\/?$/;

const ONE_SEGMENT = /^\/[^/]+\/?$/;
// The one-segment paths the matcher lists below for the lists' routes and the nonce policy.
const PROXIED_ONE_SEGMENT = new Set(["/feed.xml", "/best", "/admin", "/comments", "/moderation", "/newsletter", "/forgot-password", "/register", "/reset-password", "/settings", "/signin", "/verify-email", "/write"]);

export async function proxy(request: NextRequest) {
  // Next would read a server action's body up to its limit and then answer 500; a body declared
  // larger is refused before anything reads it. (Only such requests reach here: see the matcher.)
  if (request.method !== "GET" && Number(request.headers.get("content-length")) > SERVER_ACTION_LIMIT) {
    return payloadTooLarge(request, SERVER_ACTION_LIMIT, "this site");
  }
  const { pathname, searchParams } = request.nextUrl;
  // An imported article's old address (a WordPress permalink) leads to it for good. Anything
  // else that is not one of the site's own paths goes on to the 404 page, as before.
  const legacy = request.method === "GET" || request.method === "HEAD" ? legacyCandidate(pathname, request.nextUrl.search) : null;
  if (legacy) {
    // Loaded on first use: most sites never see an old address, and the proxy then carries no
    // database client of its own.
    const { legacyRedirectFor } = await import("./lib/transfer/legacy-urls");
    const to = await legacyRedirectFor(legacy);
    return to ? NextResponse.redirect(new URL(to, request.url), 301) : NextResponse.next();
  }
  // The site's own one-segment paths reach here through "/:name" too; those the matcher does not
  // list for themselves (files, pages that need no nonce) go on untouched, as they did before.
  if (ONE_SEGMENT.test(pathname) && !PROXIED_ONE_SEGMENT.has(pathname.replace(/\/$/, ""))) return NextResponse.next();
  // The lists of articles and comments (lib/cache/list-routes.ts).
  const list = listRoute(request);
  if (list) return list;
  const direct = FRESH_ROUTE.exec(pathname);
  if (direct) return articleView(request, direct[1], direct[2]);
  const article = ARTICLE_PAGE.exec(pathname);
  if (!article) return withNonce(request);
  const choice = parseThreadView(searchParams.get("view"), searchParams.get("sort"), searchParams.get("cpage"));
  if (isDefaultView(choice) && !isFresh(request, article[1])) return NextResponse.next();
  return articleView(request, article[1], variantSegment(choice));
}

/** The writer's next view, with a valid cookie for this article (a form's server action posts to
 *  the page's own address, and must reach the page it came from). */
function isFresh(request: NextRequest, slug: string): boolean {
  return request.method === "GET" && !request.headers.has("next-action") && isFreshCookieFor(slug, request.cookies.get(FRESH_COOKIE)?.value);
}

/** A view of an article's discussion other than the default one, or any view for the writer. */
function articleView(request: NextRequest, slug: string, variant: string): NextResponse {
  const fresh = isFresh(request, slug);
  const url = request.nextUrl.clone();
  url.pathname = `/articles/${slug}/${fresh ? "fresh" : "v"}/${variant}`;
  // Cached variants are stored with their own scripts' hashes (lib/cache/script-hash-cache-handler.js).
  const response = fresh ? withNonce(request, url) : NextResponse.rewrite(url);
  // Only a page load uses the cookie up. Next hides its router's headers from the proxy, so a
  // link's prefetch looks like a client navigation; both get the fresh page while the cookie
  // lasts, and neither may spend it, or the prefetch of a link on the page the writer lands on
  // would leave their actual next view to the cache.
  if (fresh && isDocumentLoad(request)) response.cookies.set(FRESH_COOKIE, "", { path: `/articles/${slug}`, maxAge: 0 });
  return response;
}

/** A browser loading a whole page, not a script's or the router's fetch. */
function isDocumentLoad(request: NextRequest): boolean {
  const destination = request.headers.get("sec-fetch-dest");
  if (destination) return destination === "document";
  // Clients without fetch metadata: a page load asks for HTML; the router's fetches do not.
  return (request.headers.get("accept") ?? "").includes("text/html");
}

export const config = {
  matcher: [
    // Requests declaring a body of a million bytes or more, on every page (whose POSTs are server
    // actions): refused above when over Next's limit. Route handlers (/api) keep their own,
    // smaller limits and messages.
    { source: "/((?!api/).*)", has: [{ type: "header", key: "content-length", value: "\\d{7,}" }] },
    { source: "/articles/:slug", has: [{ type: "query", key: "view" }] },
    { source: "/articles/:slug", has: [{ type: "query", key: "sort" }] },
    { source: "/articles/:slug", has: [{ type: "query", key: "cpage" }] },
    { source: "/articles/:slug", has: [{ type: "cookie", key: "dept.fresh" }] },
    "/articles/:slug/fresh/:variant",
    // The lists, rewritten to their cached routes (lib/cache/list-routes.ts); "/?p=123" is an
    // imported article's old short link.
    "/",
    "/feed.xml",
    "/best",
    "/best/feed.xml",
    { source: "/tags/:slug", has: [{ type: "query", key: "page" }] },
    { source: "/users/:handle", has: [{ type: "query", key: "page" }] },
    { source: "/users/:handle", has: [{ type: "query", key: "cpage" }] },
    // The pages rendered per request get a script policy with a nonce: listed by route, because
    // an unknown address is answered by the prerendered 404 page, whose scripts carry no nonce.
    // Not the cached article pages (above: their policy lists their scripts' hashes), route
    // handlers' feeds or Next's files. Prefetches get it as well: what a browser prefetches
    // (Purpose: prefetch) is the page it shows when the link is followed.
    // (Next reads this list at build time: it must be written out, not computed.)
    "/admin/:path*",
    "/comments/:path*",
    "/moderation/:path*",
    "/newsletter/:path*",
    "/forgot-password",
    "/register",
    "/reset-password",
    "/settings",
    "/signin",
    "/verify-email",
    "/write",
    "/articles/:slug/edit",
    // Old addresses of imported articles (lib/transfer/legacy-path.ts): every address of two or
    // more segments whose first is none of the site's own (WordPress's date-based, numeric and
    // custom permalinks such as /%category%/%postname%/), so the site's pages, articles included,
    // never pass through here for it. The list is OWN_SEGMENTS, written out: Next reads it at
    // build time (tests/transfer/legacy-path.test.ts keeps the two equal). A post's name at the
    // root also reaches the site's own one-segment pages: legacyCandidate passes those by.
    "/((?!(?:_next|admin|api|apple-icon\\.png|articles|bench-reference\\.html|best|comments|credits|favicon\\.ico|feed\\.xml|forgot-password|icon\\.svg|moderation|newsletter|notifications|opengraph-image\\.png|page|register|reset-password|robots\\.txt|settings|signin|signout|sitemap\\.xml|tags|users|verify-email|write)/)[^/]+/.+)",
    "/:name",
  ],
};
