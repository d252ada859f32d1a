import { NewsletterSignup } from "@/components/newsletter/newsletter-signup";

export function SiteFooter({ siteName }: { siteName: string }) {
  return (
    <footer className="site-footer">
      <NewsletterSignup />
      <p>
        {siteName} runs on Dept, open-source publishing and discussion software. <a href="/feed.xml">Subscribe: RSS</a>
      </p>
    </footer>
  );
}
