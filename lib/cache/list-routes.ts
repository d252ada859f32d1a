import { NextResponse, type NextRequest } from "next/server";
import { resolveWeekParam, weekSegment } from "../best/schemas";
import { parsePageParam } from "../pagination";

// The lists (front page, tags, profiles, the best of the week, their feeds) are cached pages at
// routes with a parameter: nothing is rendered at build time (a build needs no database), and a
// query string's variants (?page=N, ?cpage=N, ?week=…) are pages of their own, cached too. The
// reader keeps the address they asked for: proxy.ts rewrites it here.
//   /?page=N            → /page/N (the front page is /page/1)
//   /tags/<t>?page=N    → /tags/<t>/page/N
//   /users/<h>?page=N&cpage=M → /users/<h>/p/N-M
//   /best?week=W        → /best/w/<W>[-current]; /best/feed.xml?week=W → /best/feed.xml/<W>[-current]
//   /feed.xml           → /feed.xml/latest
// A malformed page number lands on the first page; one past the end is the page's to redirect
// (only it knows the end). Neither is stored in the cache (lib/cache/script-hash-cache-handler.js).

const TAG_PAGE = /^\/tags\/([^/]+)\/?$/;
const PROFILE = /^\/users\/([^/]+)\/?$/;

/** The cached route for a list's address, or null when the address is not a list's. */
export function listRoute(request: NextRequest): NextResponse | null {
  const { pathname, searchParams } = request.nextUrl;
  if (pathname === "/feed.xml") return rewriteTo(request, "/feed.xml/latest");
  if (pathname === "/best") return rewriteTo(request, `/best/w/${bestSegment(searchParams)}`);
  if (pathname === "/best/feed.xml") return rewriteTo(request, `/best/feed.xml/${bestSegment(searchParams)}`);
  if (pathname === "/") return pagesOf(request, "", ["page"], ([page]) => `/page/${page}`);
  const tag = TAG_PAGE.exec(pathname);
  if (tag) return pagesOf(request, `/tags/${tag[1]}`, ["page"], ([page]) => (page === 1 ? null : `/tags/${tag[1]}/page/${page}`));
  const profile = PROFILE.exec(pathname);
  if (profile) return pagesOf(request, `/users/${profile[1]}`, ["page", "cpage"], ([page, cpage]) => (page === 1 && cpage === 1 ? null : `/users/${profile[1]}/p/${page}-${cpage}`));
  return null;
}

/** `route` of the page numbers asked for (null: the address's own route). */
function pagesOf(request: NextRequest, base: string, params: string[], route: (pages: number[]) => string | null): NextResponse {
  const pages = params.map((name) => {
    const asked = request.nextUrl.searchParams.getAll(name);
    return parsePageParam(asked.length > 1 ? asked : asked[0]);
  });
  if (pages.some((page) => page === null)) {
    const url = request.nextUrl.clone();
    url.pathname = base || "/";
    url.search = "";
    return NextResponse.redirect(url);
  }
  const target = route(pages as number[]);
  return target ? rewriteTo(request, target) : NextResponse.next();
}

/** Absent: this week. Malformed, repeated or future: a segment that is no week (a 404). */
function bestSegment(searchParams: URLSearchParams): string {
  const asked = searchParams.getAll("week");
  const week = resolveWeekParam(asked.length === 0 ? undefined : asked.length === 1 ? asked[0] : asked);
  return week ? weekSegment(week) : "none";
}

function rewriteTo(request: NextRequest, pathname: string): NextResponse {
  const url = request.nextUrl.clone();
  url.pathname = pathname;
  return NextResponse.rewrite(url);
}
