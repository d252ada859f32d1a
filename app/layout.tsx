import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { SiteFooter } from "@/components/ui/site-footer";
import { SiteHeader } from "@/components/ui/site-header";
import { env } from "@/lib/env";
import "./globals.css";

export function generateMetadata(): Metadata {
  const { siteUrl, SITE_NAME } = env();
  return {
    metadataBase: new URL(siteUrl),
    title: { default: SITE_NAME, template: `%s | ${SITE_NAME}` },
    description: "News, opinion and long threaded discussions.",
    alternates: { types: { "application/rss+xml": [{ url: "/feed.xml", title: `${SITE_NAME}: latest articles` }] } },
    openGraph: { siteName: SITE_NAME, type: "website" },
  };
}

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  colorScheme: "light dark",
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#fbfaf7" },
    { media: "(prefers-color-scheme: dark)", color: "#16181d" },
  ],
};

export default function RootLayout({ children }: { children: ReactNode }) {
  const { SITE_NAME, SITE_LANGUAGE } = env();
  return (
    <html lang={SITE_LANGUAGE}>
      <body>
        <SiteHeader siteName={SITE_NAME} />
        <main id="main" className="site-main" tabIndex={-1}>
          {children}
        </main>
        <SiteFooter siteName={SITE_NAME} />
      </body>
    </html>
  );
}
