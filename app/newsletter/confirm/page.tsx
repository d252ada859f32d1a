import type { Metadata } from "next";
import { confirmSubscription } from "@/lib/newsletter/mutations";

export const metadata: Metadata = { title: "Daily Newsletter", robots: { index: false } };

type Props = { searchParams: Promise<{ token?: string | string[] }> };

// The link in the confirmation mail. Opening it confirms (opening it again just says so again);
// the sign-up form is in the footer of this page for anyone whose link no longer works.
export default async function ConfirmNewsletterPage({ searchParams }: Props) {
  const { token } = await searchParams;
  const outcome = await confirmSubscription(typeof token === "string" ? token : "");
  return (
    <div className="narrow">
      {outcome === "confirmed" ? (
        <>
          <h1>You&apos;re subscribed</h1>
          <p>Thanks for confirming. The Daily Newsletter brings you each day&apos;s articles; every mail ends with a link to unsubscribe.</p>
        </>
      ) : outcome === "unsubscribed" ? (
        <>
          <h1>This link is from before you unsubscribed</h1>
          <p>It no longer subscribes this address. To get the Daily Newsletter again, sign up with the form below and confirm with the new link.</p>
        </>
      ) : (
        <>
          <h1>This confirmation link does not work</h1>
          <p>It may be cut short, or a newer confirmation mail has replaced it: only the latest link works. Sign up again with the form below to get a fresh one.</p>
        </>
      )}
    </div>
  );
}
