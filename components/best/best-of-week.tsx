import type { Metadata } from "next";
import { IntentLink } from "@/components/ui/intent-link";
import { BestList } from "@/components/best/best-list";
import { getBestOfWeek } from "@/lib/best/queries";
import { weekHref } from "@/lib/best/schemas";
import { formatWeek, formatWeekRange, isValidWeek, nextWeek, previousWeek, type IsoWeek } from "@/lib/best/weeks";
import { tagActivity, tagListing } from "@/lib/cache/revalidate";
import { env } from "@/lib/env";
import { pageAlternates } from "@/lib/seo/alternates";
import { description, pageTitle } from "@/lib/seo/cut";

// /best and /best?week=…, rewritten by proxy.ts to /best/w/<week>[-current]: cached, expired by
// every rating, every write to a discussion and every article save (lib/cache/revalidate.ts). Which week is "this
// week" is the proxy's to say, from the clock: at the week's end /best is rewritten to the next
// week's page, and the ended week is asked for under another name (without -current), so no page
// that called it "this week" is served after it.

export function bestMetadata(week: IsoWeek): Metadata {
  return {
    title: pageTitle(`Best of the week: ${formatWeekRange(week)}`, env().SITE_NAME),
    description: description(`The most insightful and the funniest comments of ${formatWeekRange(week)}.`),
    alternates: pageAlternates(weekHref(week), { url: weekHref(week, "/best/feed.xml"), title: `${env().SITE_NAME}: best of the week` }),
  };
}

export async function BestOfWeek({ week, isCurrent }: { week: IsoWeek; isCurrent: boolean }) {
  // Article titles and members' names show too: a save or a rename (the lists' tag) expires it.
  const [{ insightful, funny }] = await Promise.all([getBestOfWeek(week), tagActivity(), tagListing()]);
  const when = isCurrent ? "this week yet" : "that week";
  const previous = previousWeek(week);
  return (
    <>
      <div className="page-intro">
        <h1>Best of the week</h1>
        <p>
          <time dateTime={formatWeek(week)}>{formatWeekRange(week)}</time>
          {isCurrent ? " (this week, so far)" : null}
        </p>
        <p>The comments readers rated most insightful and funniest, among those written that week.</p>
      </div>
      <BestList kind="insightful" comments={insightful} emptyText={`No comment was rated insightful ${when}.`} />
      <BestList kind="funny" comments={funny} emptyText={`No comment was rated funny ${when}.`} />
      <nav className="pagination" aria-label="Weeks">
        {isValidWeek(previous) ? <IntentLink href={weekHref(previous)} rel="prev">← Previous week</IntentLink> : <span />}
        <a href={weekHref(week, "/best/feed.xml")}>RSS</a>
        {/* No link into weeks that have not happened yet. */}
        {isCurrent ? <span /> : <IntentLink href={weekHref(nextWeek(week))} rel="next">Next week →</IntentLink>}
      </nav>
    </>
  );
}
