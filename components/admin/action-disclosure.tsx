import type { ReactNode } from "react";

/**
 * A rarer, heavier action (a ban, a removal from the reports) folded away under its own summary,
 * so each row shows one primary action. A native <details>: it opens without JavaScript, and it
 * is open when its form came back with an error, so the message is seen.
 */
export function ActionDisclosure({ summary, open, children }: { summary: string; open?: boolean; children: ReactNode }) {
  return (
    <details className="action-disclosure" open={open || undefined}>
      <summary>{summary}</summary>
      <div className="action-disclosure__panel">{children}</div>
    </details>
  );
}
