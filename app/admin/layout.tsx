import type { ReactNode } from "react";

// Admin screens hold tables and long forms: they get the wide column (app/globals.css, .wide-page)
// instead of the 46rem reading column the rest of the site keeps.
export default function AdminLayout({ children }: { children: ReactNode }) {
  return <div className="wide-page">{children}</div>;
}
