import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { BestOfWeek, bestMetadata } from "@/components/best/best-of-week";
import { parseWeekSegment } from "@/lib/best/schemas";

// /best and /best?week=…, rewritten here by proxy.ts (the reader keeps the address they asked
// for): see components/best/best-of-week.tsx. Cached; the hour is a safety net.
export const revalidate = 3600;
export function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ week: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const asked = parseWeekSegment((await params).week);
  return asked ? bestMetadata(asked.week) : {};
}

export default async function Page({ params }: Props) {
  const asked = parseWeekSegment((await params).week);
  if (!asked) notFound();
  return <BestOfWeek week={asked.week} isCurrent={asked.isCurrent} />;
}
