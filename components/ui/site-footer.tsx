import { NewsletterSignup } from "@/components/newsletter/newsletter-signup";

export function SiteFooter({ siteName }: { siteName: string }) {
  return (
    <footer className="site-footer">
      <NewsletterSignup />
      <p>
        {siteName} runs on Dept, open-source publishing and discussion software.{" "}
        {/* A feed is a document to download, not a page to navigate to; the rule mistakes its cached route (app/feed.xml/[edition]) for a page. */}
        {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
        <a href="/feed.xml">Subscribe: RSS</a>
      </p>
    </footer>
  );
}
