import type { ReactNode } from "react";
import type { FlagReasonMix } from "@/lib/comments/types";

function describeReasons(reasons: FlagReasonMix): string {
  const parts = (Object.keys(reasons) as (keyof FlagReasonMix)[])
    .filter((k) => reasons[k] > 0)
    .map((k) => `${k} (${reasons[k]})`);
  return parts.length ? parts.join(", ") : "no stated reason";
}

/** Collapsed without JavaScript too: <details> opens on click or Enter. */
export function FlaggedComment({ by, reasons, children }: { by: "community" | "moderator"; reasons: FlagReasonMix; children: ReactNode }) {
  return (
    <details className="flagged">
      <summary>
        {by === "moderator"
          ? "This comment has been hidden by a moderator. Click here to show it."
          : "This comment has been flagged by the community. Click here to show it."}
      </summary>
      <p className="flagged__why">
        {by === "moderator" ? "Hidden by a moderator" : "Hidden by the community"}; flagged as {describeReasons(reasons)}.
      </p>
      {children}
    </details>
  );
}
