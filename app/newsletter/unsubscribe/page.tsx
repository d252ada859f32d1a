import type { Metadata } from "next";
import { getSubscriptionByUnsubscribeToken } from "@/lib/newsletter/queries";

export const metadata: Metadata = { title: "Unsubscribe", robots: { index: false } };

type Props = { searchParams: Promise<{ token?: string | string[] }> };

// The unsubscribe link of every newsletter mail lands here. Opening the page changes nothing:
// mail scanners and link prefetchers open links too, so unsubscribing takes the button (a POST).
export default async function UnsubscribeNewsletterPage({ searchParams }: Props) {
  const { token: raw } = await searchParams;
  const token = typeof raw === "string" ? raw : "";
  const subscription = await getSubscriptionByUnsubscribeToken(token);
  if (!subscription) {
    return (
      <div className="narrow">
        <h1>This unsubscribe link does not work</h1>
        <p>It may have been cut short when it was copied. Open the link straight from the newsletter mail, or use the one in a more recent mail.</p>
      </div>
    );
  }
  if (subscription.status === "unsubscribed") {
    return (
      <div className="narrow">
        <h1>You&apos;re unsubscribed</h1>
        <p>{subscription.maskedEmail} gets no more mail from the Daily Newsletter. Changed your mind? Sign up again with the form below.</p>
      </div>
    );
  }
  return (
    <div className="narrow">
      <h1>Unsubscribe from the Daily Newsletter?</h1>
      <p>{subscription.maskedEmail} will get no more newsletter mail.</p>
      <form method="post" action="/api/newsletter/unsubscribe" className="form">
        <input type="hidden" name="token" value={token} />
        <button type="submit" className="button">
          Unsubscribe
        </button>
      </form>
    </div>
  );
}
