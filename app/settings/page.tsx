import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { DeleteAccountForm } from "@/components/settings/delete-account-form";
import { CreditHistory } from "@/components/settings/credit-history";
import { PasswordForm } from "@/components/settings/password-form";
import { ProfileForm } from "@/components/settings/profile-form";
import { NotificationSettings } from "@/components/settings/notification-settings";
import { VerifyEmailNotice } from "@/components/settings/verify-email-notice";
import { getViewer } from "@/lib/auth/viewer";
import { creditHistory } from "@/lib/credits/ledger";
import { getOwnAccount } from "@/lib/users/queries";
import { getNotificationSettings } from "@/lib/notifications/preferences";
import { RepliesFeedSettings } from "@/components/settings/replies-feed-settings";
import { repliesFeedUrlFor } from "@/lib/feeds/replies-feed-settings";

export const metadata: Metadata = { title: "Settings", robots: { index: false } };

export default async function SettingsPage() {
  const viewer = await getViewer();
  const account = await getOwnAccount(viewer);
  if (!viewer || !account) redirect("/signin?callbackUrl=/settings");
  const credits = await creditHistory(viewer.id);
  const notifications = await getNotificationSettings(viewer);
  return (
    <div className="narrow">
      <h1>Settings</h1>
      <p className="meta">Signed in with {account.email} (never shown to others).</p>
      {account.isEmailVerified ? null : <VerifyEmailNotice email={account.email} />}
      <section aria-labelledby="profile-heading">
        <h2 id="profile-heading">Profile</h2>
        <ProfileForm current={{ name: account.name, handle: account.handle, bio: account.bio }} />
      </section>
      {notifications ? (
        <section id="notifications" aria-labelledby="notifications-heading">
          <h2 id="notifications-heading">Notifications</h2>
          <NotificationSettings current={notifications} />
        </section>
      ) : null}
      <section id="replies-feed" aria-labelledby="replies-feed-heading">
        <h2 id="replies-feed-heading">Replies feed</h2>
        <RepliesFeedSettings feedUrl={await repliesFeedUrlFor(viewer)} />
      </section>
      <section id="credits" aria-labelledby="credits-heading">
        <h2 id="credits-heading">Credits</h2>
        <CreditHistory balance={credits.balance} entries={credits.entries} />
      </section>
      {account.hasPassword ? (
        <section aria-labelledby="password-heading">
          <h2 id="password-heading">Password</h2>
          <PasswordForm />
        </section>
      ) : null}
      <section aria-labelledby="delete-heading">
        <h2 id="delete-heading">Delete account</h2>
        <DeleteAccountForm hasPassword={account.hasPassword} />
      </section>
    </div>
  );
}
