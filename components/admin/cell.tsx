import type { ReactNode } from "react";

/**
 * A table cell that names its column when the table is laid out as cards (narrow screens,
 * app/globals.css .admin-table). The name is hidden from assistive technology: the column
 * header already names the cell there.
 */
export function LabelledCell({ label, className, children }: { label: string; className?: string; children: ReactNode }) {
  return (
    <td className={className}>
      <span className="admin-table__label" aria-hidden="true">
        {label}
      </span>
      {children}
    </td>
  );
}
