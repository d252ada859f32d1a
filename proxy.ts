import { NextResponse, type NextRequest } from "next/server";
import { isDefaultView, parseThreadView, variantSegment } from "./lib/comments/thread-view";

// The default article page is cached for everyone. A reader's other choices of view and sort
// (?view=flat&sort=newest) are served by a sibling route, keeping the address they chose.
export function proxy(request: NextRequest) {
  const { pathname, searchParams } = request.nextUrl;
  const choice = parseThreadView(searchParams.get("view"), searchParams.get("sort"));
  if (isDefaultView(choice)) return NextResponse.next();
  const url = request.nextUrl.clone();
  url.pathname = `${pathname}/v/${variantSegment(choice)}`;
  return NextResponse.rewrite(url);
}

export const config = {
  matcher: [
    { source: "/articles/:slug", has: [{ type: "query", key: "view" }] },
    { source: "/articles/:slug", has: [{ type: "query", key: "sort" }] },
  ],
};
