import type { ReactNode } from "react";

// The queue, the reports and the log are worked through side by side with their decisions: the
// wide column (app/globals.css, .wide-page), as the admin screens have.
export default function ModerationLayout({ children }: { children: ReactNode }) {
  return <div className="wide-page">{children}</div>;
}
