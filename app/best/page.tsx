import type { Metadata } from "next";
import { IntentLink } from "@/components/ui/intent-link";
import { notFound } from "next/navigation";
import { BestList } from "@/components/best/best-list";
import { getBestOfWeek } from "@/lib/best/queries";
import { resolveWeekParam, weekHref } from "@/lib/best/schemas";
import { compareWeeks, currentWeek, formatWeek, formatWeekRange, isValidWeek, nextWeek, previousWeek } from "@/lib/best/weeks";
import { env } from "@/lib/env";
import { pageAlternates } from "@/lib/seo/alternates";
import { description, pageTitle } from "@/lib/seo/cut";

// Which week is "this week" depends on the clock, and its lists change with every rating: render
// per request (two small indexed queries) rather than cache a page that would go stale.
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<{ week?: string | string[] }> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const week = resolveWeekParam((await searchParams).week);
  if (!week) return {};
  return {
    title: pageTitle(`Best of the week: ${formatWeekRange(week)}`, env().SITE_NAME),
    description: description(`The most insightful and the funniest comments of ${formatWeekRange(week)}.`),
    alternates: pageAlternates(weekHref(week), { url: weekHref(week, "/best/feed.xml"), title: `${env().SITE_NAME}: best of the week` }),
  };
}

export default async function BestPage({ searchParams }: Props) {
  const week = resolveWeekParam((await searchParams).week);
  if (!week) notFound();
  const isCurrent = compareWeeks(week, currentWeek()) === 0;
  const { insightful, funny } = await getBestOfWeek(week);
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
