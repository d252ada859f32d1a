import type { MetadataRoute } from "next";
import { listArticleSlugs, listTagsInUse } from "@/lib/articles/queries";
import { env } from "@/lib/env";

export const dynamic = "force-dynamic";

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const { siteUrl } = env();
  const [articles, tags] = await Promise.all([listArticleSlugs(), listTagsInUse()]);
  return [
    { url: `${siteUrl}/`, changeFrequency: "hourly", priority: 1 },
    ...articles.map((a) => ({ url: `${siteUrl}/articles/${a.slug}`, lastModified: a.lastModified })),
    ...tags.map((t) => ({ url: `${siteUrl}/tags/${t.slug}` })),
  ];
}
