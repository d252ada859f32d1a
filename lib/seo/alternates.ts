import type { Metadata } from "next";
import { env } from "../env";

type Feed = { url: string; title: string };

/**
 * A page's canonical address and the feeds it advertises. A page's `alternates` replace the
 * layout's whole, so the site feed is listed again on every page that sets its own.
 */
export function pageAlternates(canonical: string, ...feeds: Feed[]): NonNullable<Metadata["alternates"]> {
  return {
    canonical,
    types: { "application/rss+xml": [{ url: "/feed.xml", title: `${env().SITE_NAME}: latest articles` }, ...feeds] },
  };
}

