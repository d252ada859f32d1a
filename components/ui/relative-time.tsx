import { formatDateTime } from "@/lib/format";

/**
 * A time as the cached page serves it to everyone: in UTC, said in full. The page's one island
 * (components/comments/thread-reader.tsx) rewrites every such element into the reader's terms
 * ("3 hours ago", the exact local time in the title) once it runs; without JavaScript UTC stays.
 * `itemProp` names it as a date of the schema.org item around it (the machine-readable `dateTime`).
 */
export function RelativeTime({ iso, itemProp }: { iso: string; itemProp?: string }) {
  const utc = formatDateTime(iso);
  return (
    <time dateTime={iso} title={utc} data-relative="" itemProp={itemProp} suppressHydrationWarning>
      {utc}
    </time>
  );
}
