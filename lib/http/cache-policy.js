// @ts-check
// What caches outside the app (a CDN, nginx's micro-cache, the browser) may do with a response:
// the Cache-Control the HTTP server (scripts/serve.mjs) sends in place of Next's. Three kinds:
// - cached pages (Next's ISR header, `s-maxage=3600, stale-while-revalidate=<a year>`) are the
//   same for every reader, but our writes revalidate only the app's own cache, never a CDN's: a
//   shared cache keeps one 5 s, as nginx does, then may serve it 30 s more while it fetches the
//   new one. A browser revalidates every time (max-age=0), which the ETag makes a 304;
// - form pages that show nothing secret are the reader's own but may be kept by their browser
//   (the back/forward cache refuses `no-store` pages), revalidated on each use;
// - anything answering a request with a session (or a fresh-view) cookie is never `public`,
//   whatever it holds: a shared cache must not store it. Pages with private data keep the
//   `no-store` they were given.
// CommonJS so that the server, which Node loads unbundled, shares it with the tests.

const PUBLIC_PAGE = "public, max-age=0, s-maxage=5, stale-while-revalidate=30";
const PER_READER = "private, no-cache";

/** Per-reader pages holding nothing secret: sign-in, registration, asking for a reset link. */
const FORM_PAGES = new Set(["/signin", "/register", "/forgot-password"]);

// next-auth's session cookie (`dept.session` or `__Secure-dept.session`, possibly split into
// `.0`, `.1`…) and the writer's fresh-view cookie: the same test deploy/nginx.conf makes.
const PERSONAL_COOKIE = /(?:^|;\s*)(?:__Secure-)?dept\.(?:session|fresh)[.=]/;

/** @param {string | undefined} cookieHeader */
function isPersonalRequest(cookieHeader) {
  return PERSONAL_COOKIE.test(cookieHeader ?? "");
}

/** @param {string} value */
const directivesOf = (value) => value.split(",").map((d) => d.trim().toLowerCase().split("=")[0]);

/**
 * The Cache-Control to send for a GET or HEAD of `path`, given what the app set (undefined: none).
 * @param {{ path: string, status: number, cacheControl: string | undefined, personal: boolean }} response
 * @returns {string | undefined}
 */
function cacheControlFor({ path, status, cacheControl, personal }) {
  if (status === 200 && FORM_PAGES.has(path)) return PER_READER;
  if (cacheControl === undefined) return undefined;
  const directives = directivesOf(cacheControl);
  // Files whose names are their content's hash (/_next/static): the same for everyone, forever.
  if (directives.includes("immutable")) return cacheControl;
  const shared = directives.includes("public") || directives.includes("s-maxage");
  if (personal) return shared ? PER_READER : cacheControl;
  // Next's header for a cached page names neither public nor private.
  if (directives.includes("s-maxage") && !directives.includes("public") && !directives.includes("private")) return PUBLIC_PAGE;
  return cacheControl;
}

module.exports = { FORM_PAGES, PER_READER, PUBLIC_PAGE, cacheControlFor, isPersonalRequest };
