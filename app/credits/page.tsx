import type { Metadata } from "next";
import { IntentLink } from "@/components/ui/intent-link";
import { getSettings } from "@/lib/settings/queries";

export const metadata: Metadata = { title: "Credits, First Word and Last Word", description: "What credits are for on this site and how members get them." };

// Settings are read per request: an admin's change to the prices or the link shows at once.
export const dynamic = "force-dynamic";

/** Where "get credits" in a comment's menu leads: what credits buy and how to get them. */
export default async function CreditsPage() {
  const { firstWordCost, lastWordCost, creditsUrl } = await getSettings();
  return (
    <div className="narrow">
      <h1>Credits</h1>
      <h2>First Word and Last Word</h2>
      <p>
        Members spend credits to pin a comment they think deserves it, their own or anyone else&rsquo;s. The First Word ({firstWordCost} credits) is shown above the
        whole discussion of an article, the Last Word ({lastWordCost} credits) below it. Each article has one of each, for whoever claims it first; the comment also
        stays in its place in the thread. If a moderator takes the comment down, the credits are refunded.
      </p>
      <h2>How to get credits</h2>
      <p>
        Credits are granted by the site&rsquo;s administrators, for example as a thank-you for supporting the site. Ask an admin for some
        {creditsUrl ? (
          <>
            , or get them at <a href={creditsUrl}>{creditsUrl}</a>
          </>
        ) : null}
        .
      </p>
      <p>
        Your balance and every credit you have received or spent are listed in <IntentLink href="/settings#credits">your settings</IntentLink>.
      </p>
    </div>
  );
}
