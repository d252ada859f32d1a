"use client";

import { IntentLink } from "@/components/ui/intent-link";
import { usePathname } from "next/navigation";
import { useViewer } from "./use-viewer";

function SignedOutLinks({ returnTo }: { returnTo: string }) {
  const q = `?callbackUrl=${encodeURIComponent(returnTo)}`;
  return (
    <>
      <IntentLink href={`/signin${q}`}>Sign in</IntentLink>
      <IntentLink href={`/register${q}`}>Register</IntentLink>
    </>
  );
}

/** The header's "signed in as": an island, because the pages around it are cached for everyone. */
export function AccountMenu() {
  const viewer = useViewer();
  const pathname = usePathname() || "/";
  return (
    <div className="account-menu">
      {viewer === undefined ? (
        // Without JavaScript the viewer is never fetched: offer the links (the sign-in page
        // tells a signed-in reader so and offers to sign out; /notifications asks a visitor to sign in).
        <noscript>
          <a href="/signin">Sign in</a> <a href="/register">Register</a> <a href="/notifications">Notifications</a>
        </noscript>
      ) : viewer.signedIn ? (
        <>
          <IntentLink href={`/users/${viewer.handle}`}>{viewer.name}</IntentLink>
          <IntentLink href="/settings">Settings</IntentLink>
          {viewer.role !== "reader" ? <IntentLink href="/write">Write</IntentLink> : null}
          {viewer.role === "moderator" || viewer.role === "admin" ? <IntentLink href="/moderation">Moderation</IntentLink> : null}
          {viewer.role === "admin" ? <IntentLink href="/admin">Admin</IntentLink> : null}
          <form action="/signout" method="post" className="inline-form">
            <input type="hidden" name="callbackUrl" value={pathname} />
            <button type="submit" className="link-button">
              Sign out
            </button>
          </form>
        </>
      ) : (
        <SignedOutLinks returnTo={pathname} />
      )}
    </div>
  );
}
