import Link from "next/link";
import { AccountMenu } from "@/components/auth/account-menu";
import { NotificationBell } from "@/components/notifications/notification-bell";

export function SiteHeader({ siteName }: { siteName: string }) {
  return (
    <header className="site-header">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <div className="site-header__inner">
        <Link href="/" className="site-title">
          {siteName}
        </Link>
        <p className="site-tagline">News, opinion and the arguments underneath</p>
        <nav aria-label="Site" className="site-nav">
          <Link href="/">Latest</Link>
          <Link href="/best">Best of the week</Link>
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
