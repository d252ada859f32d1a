import { IntentLink } from "@/components/ui/intent-link";
import { AccountMenu } from "@/components/auth/account-menu";
import { NotificationBell } from "@/components/notifications/notification-bell";

export function SiteHeader({ siteName }: { siteName: string }) {
  return (
    <header className="site-header">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <div className="site-header__inner">
        <IntentLink href="/" className="site-title">
          {siteName}
        </IntentLink>
        <p className="site-tagline">News, opinion and the arguments underneath</p>
        <nav aria-label="Site" className="site-nav">
          <IntentLink href="/">Latest</IntentLink>
          <IntentLink href="/best">Best of the week</IntentLink>
          {/* A feed, not a page: see site-footer.tsx. */}
          {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
          <a href="/feed.xml">RSS</a>
        </nav>
        {/* Together, so the bell wraps with the account links instead of onto a line of its own. */}
        <div className="site-header__account">
          <AccountMenu />
          <NotificationBell />
        </div>
      </div>
    </header>
  );
}
