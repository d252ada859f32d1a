import { IntentLink } from "@/components/ui/intent-link";
import { pageHref } from "@/lib/pagination";

/** Older/newer links; the current page is announced for screen readers. */
export function Pagination({ basePath, page, totalPages, param, label = "Pagination" }: { basePath: string; page: number; totalPages: number; param?: string; label?: string }) {
  if (totalPages <= 1) return null;
  const href = (p: number) => pageHref(basePath, p, param);
  return (
    <nav className="pagination" aria-label={label}>
      {page > 1 ? <IntentLink href={href(page - 1)} rel="prev">← Newer</IntentLink> : <span />}
      <span aria-current="page">
        Page {page} of {totalPages}
      </span>
      {page < totalPages ? <IntentLink href={href(page + 1)} rel="next">Older →</IntentLink> : <span />}
    </nav>
  );
}
