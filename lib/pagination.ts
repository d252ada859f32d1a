import { z } from "zod";

export const PER_PAGE = 10;

// `?page=` must be a plain positive integer; anything else is not a page that exists.
const PageParam = z.union([z.undefined(), z.string().regex(/^[1-9]\d{0,5}$/).transform(Number)]);

/** The requested page number, or null when the parameter is malformed (the page redirects to page 1). */
export function parsePageParam(raw: string | string[] | undefined): number | null {
  if (Array.isArray(raw)) return null;
  const parsed = PageParam.safeParse(raw);
  if (!parsed.success) return null;
  return parsed.data ?? 1;
}

export type Page<T> = { items: T[]; page: number; totalPages: number; total: number };

export function pageHref(basePath: string, page: number, param = "page"): string {
  return page <= 1 ? basePath : `${basePath}${basePath.includes("?") ? "&" : "?"}${param}=${page}`;
}

export function pageCount(total: number, perPage = PER_PAGE): number {
  return Math.max(1, Math.ceil(total / perPage));
}

/** A page number as the internal routes proxy.ts rewrites `?page=N` to carry it (`/page/N`). */
export function parsePageSegment(segment: string): number | null {
  return /^[1-9]\d{0,5}$/.test(segment) ? Number(segment) : null;
}

/** A profile's two page numbers (articles, comments) as proxy.ts rewrites them: `N-M`. */
export function parseProfilePages(segment: string): { page: number; commentPage: number } | null {
  const [page, commentPage, rest] = segment.split("-").map(parsePageSegment);
  return page && commentPage && rest === undefined ? { page, commentPage } : null;
}
