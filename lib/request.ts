// The caller's IP for rate limits. Next.js fills X-Forwarded-For from the socket when a request
// arrives without one, so behind no proxy this is the peer address. A client can send its own
// header, though, so a deployment must sit behind a proxy that overwrites it (README), and
// per-IP limits are a second line: per-account limits do not depend on it.
import { headers } from "next/headers";

export async function clientIp(): Promise<string> {
  const h = await headers();
  const forwarded = h.get("x-forwarded-for")?.split(",")[0]?.trim();
  return (forwarded || h.get("x-real-ip")?.trim() || "unknown").slice(0, 64);
}
