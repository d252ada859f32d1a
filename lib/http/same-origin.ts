import { env } from "../env";

/**
 * Cross-site request forgery guard for state-changing route handlers (server actions get the same
 * check from Next.js): the browser's Origin (or, failing that, Referer) must be this site.
 */
export function isSameOrigin(request: Request): boolean {
  const source = request.headers.get("origin") ?? request.headers.get("referer");
  if (!source) return false;
  try {
    const origin = new URL(source).origin;
    const host = request.headers.get("host");
    return origin === new URL(env().siteUrl).origin || (host !== null && origin === `${new URL(request.url).protocol}//${host}`);
  } catch {
    return false;
  }
}
