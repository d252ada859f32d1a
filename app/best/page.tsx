import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { BestOfWeek, bestMetadata } from "@/components/best/best-of-week";
import { resolveWeekParam } from "@/lib/best/schemas";
import { compareWeeks, currentWeek } from "@/lib/best/weeks";

// Not served: proxy.ts rewrites /best to the cached ./w/[week] (a route with a parameter, so a
// build renders nothing and needs no database). Kept, rendered per request, so the address never
// depends on the proxy alone.
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<{ week?: string | string[] }> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const week = resolveWeekParam((await searchParams).week);
  return week ? bestMetadata(week) : {};
}

export default async function BestPage({ searchParams }: Props) {
  const week = resolveWeekParam((await searchParams).week);
  if (!week) notFound();
  return <BestOfWeek week={week} isCurrent={compareWeeks(week, currentWeek()) === 0} />;
}
