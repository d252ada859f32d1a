import type { MetadataRoute } from "next";
import { env } from "@/lib/env";
import { listSitemapDates } from "@/lib/feeds/sitemap-entries";

export const dynamic = "force-dynamic";

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const { siteUrl } = env();
  const dates = await listSitemapDates();
  return [
    { url: `${siteUrl}/`, lastModified: dates.home, changeFrequency: "hourly", priority: 1 },
    { url: `${siteUrl}/best`, lastModified: dates.best, changeFrequency: "daily" },
    ...dates.articles.map((a) => ({ url: `${siteUrl}/articles/${a.slug}`, lastModified: a.lastModified })),
    ...dates.tags.map((t) => ({ url: `${siteUrl}/tags/${t.slug}`, lastModified: t.lastModified })),
  ];
}
