import type { Metadata } from "next";
import { IntentLink } from "@/components/ui/intent-link";
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
            {viewer ? <IntentLink href="/settings">Ask for a new link in your settings</IntentLink> : <IntentLink href="/signin?callbackUrl=%2Fsettings">Sign in to ask for a new link</IntentLink>}
          </p>
        </>
      ) : (
        <>
          <p>Thanks: your account is complete.</p>
          <p>{viewer ? <IntentLink href="/">Go to the front page</IntentLink> : <IntentLink href="/signin">Sign in</IntentLink>}</p>
        </>
      )}
    </div>
  );
}
