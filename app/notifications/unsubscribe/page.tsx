import type { Metadata } from "next";
import { IntentLink } from "@/components/ui/intent-link";
import { getUnsubscribeTarget } from "@/lib/notifications/unsubscribe";

export const metadata: Metadata = { title: "Stop notification mail", robots: { index: false } };

type Props = { searchParams: Promise<{ token?: string | string[] }> };

// The unsubscribe link of every notification mail lands here. Opening the page changes nothing:
// mail scanners and link prefetchers open links too, so stopping the mail takes the button (a POST).
export default async function UnsubscribeNotificationsPage({ searchParams }: Props) {
  const { token: raw } = await searchParams;
  const token = typeof raw === "string" ? raw : "";
  const target = await getUnsubscribeTarget(token);
  if (!target) {
    return (
      <div className="narrow">
        <h1>This unsubscribe link does not work</h1>
        <p>It may have been cut short when it was copied. Open the link straight from the mail, or use the one in a more recent mail.</p>
      </div>
    );
  }
  const isMember = target.kind === "member";
  if (target.stopped) {
    return (
      <div className="narrow">
        <h1>{isMember ? "Notification mail is off" : "No more mail to this address"}</h1>
        {isMember ? (
          <p>
            {target.maskedEmail} gets no more notification mail; replies still show under the bell on the site. To turn mail back on, change{" "}
            <IntentLink href="/settings#notifications">your notification settings</IntentLink>.
          </p>
        ) : (
          <p>We will send nothing more to {target.maskedEmail}.</p>
        )}
      </div>
    );
  }
  return (
    <div className="narrow">
      <h1>{isMember ? "Stop notification mail?" : "Stop all mail to this address?"}</h1>
      <p>
        {isMember
          ? `${target.maskedEmail} will get no more mail about replies and followed discussions. You can turn it back on in your settings.`
          : `We will send nothing more to ${target.maskedEmail}: no replies, no followed threads.`}
      </p>
      <form method="post" action="/api/notifications/unsubscribe" className="form">
        <input type="hidden" name="token" value={token} />
        <button type="submit" className="button">
          {isMember ? "Stop notification mail" : "Stop all mail"}
        </button>
      </form>
      {isMember ? (
        <p>
          Or choose what you get in <IntentLink href="/settings#notifications">your notification settings</IntentLink>.
        </p>
      ) : null}
    </div>
  );
}
