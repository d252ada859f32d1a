import type { Metadata } from "next";
import Link from "next/link";
import { verifyEmail, type VerifyOutcome } from "@/lib/auth/email-verification";
import { getViewer } from "@/lib/auth/viewer";
import { VERIFY_LINK_DEAD } from "@/lib/users/registration-limits";

export const metadata: Metadata = { title: "Confirm your email address", robots: { index: false } };

type Props = { searchParams: Promise<{ token?: string | string[] }> };

const HEADINGS: Record<VerifyOutcome, string> = {
  verified: "Your email address is verified",
  "already-verified": "Your email address is already verified",
  dead: "This link no longer works",
};

// The link in the confirmation mail. Opening it confirms, as the newsletter's link does (a plain
// GET that works without JavaScript); opening it again only says so again.
export default async function VerifyEmailPage({ searchParams }: Props) {
  const { token } = await searchParams;
  const outcome = await verifyEmail(typeof token === "string" ? token : "");
  const viewer = await getViewer();
  return (
    <div className="narrow">
      <h1>{HEADINGS[outcome]}</h1>
      {outcome === "dead" ? (
        <>
          <p>{VERIFY_LINK_DEAD}</p>
          <p>
            {viewer ? <Link href="/settings">Ask for a new link in your settings</Link> : <Link href="/signin?callbackUrl=%2Fsettings">Sign in to ask for a new link</Link>}
          </p>
        </>
      ) : (
        <>
          <p>Thanks: your account is complete.</p>
          <p>{viewer ? <Link href="/">Go to the front page</Link> : <Link href="/signin">Sign in</Link>}</p>
        </>
      )}
    </div>
  );
}
