"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useViewer } from "./use-viewer";

function SignedOutLinks({ returnTo }: { returnTo: string }) {
  const q = `?callbackUrl=${encodeURIComponent(returnTo)}`;
  return (
    <>
      <Link href={`/signin${q}`}>Sign in</Link>
      <Link href={`/register${q}`}>Register</Link>
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
          <Link href={`/users/${viewer.handle}`}>{viewer.name}</Link>
          <Link href="/settings">Settings</Link>
          {viewer.role !== "reader" ? <Link href="/write">Write</Link> : null}
          {viewer.role === "moderator" || viewer.role === "admin" ? <Link href="/moderation">Moderation</Link> : null}
          {viewer.role === "admin" ? <Link href="/admin">Admin</Link> : null}
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
