import { LatestArticles, latestMetadata } from "@/components/listings/latest-articles";

// Not served: proxy.ts rewrites / to the cached /page/1 (a route with a parameter, so a build
// renders nothing and needs no database). Kept, rendered per request, so the address never
// depends on the proxy alone.
export const dynamic = "force-dynamic";

export const metadata = latestMetadata(1);

export default function HomePage() {
  return <LatestArticles page={1} />;
}
