// Read-your-own-writes for the cached article page. After a write, the page is invalidated (see
// revalidate.ts), but a render that was already in flight can still be served for a moment. The
// person who wrote must never see the page without their write, so their next view of that
// article skips the cache: a short-lived, signed cookie scoped to the article's path
// (fresh-cookie.ts), which proxy.ts turns into a per-request render and then clears. Everyone
// else's view stays cached.
import { cookies } from "next/headers";
import { FRESH_COOKIE, FRESH_SECONDS, freshCookieValue } from "./fresh-cookie";

export async function showFreshTo(slug: string): Promise<void> {
  (await cookies()).set(FRESH_COOKIE, freshCookieValue(slug), { path: `/articles/${slug}`, maxAge: FRESH_SECONDS, httpOnly: true, sameSite: "lax" });
}
