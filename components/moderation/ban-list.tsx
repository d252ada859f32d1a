import { formatDateTime } from "@/lib/format";
import type { BanEntry } from "@/lib/moderation/types";
import { LiftBanForm } from "./decision-forms";

const KIND_LABELS: Record<BanEntry["kind"], string> = { user: "member", visitor: "anonymous visitor", network: "network" };

export function BanList({ bans }: { bans: BanEntry[] }) {
  if (bans.length === 0) return <p>Nobody is banned.</p>;
  return (
    <ul className="ban-list">
      {bans.map((b) => (
        <li key={`${b.kind}:${b.target}`}>
          <strong>{b.label}</strong>{" "}
          <span className="meta">
            {KIND_LABELS[b.kind]}, since {formatDateTime(b.since)}
            {b.until ? `; new comments from it are held for review until ${formatDateTime(b.until)}` : ""}
          </span>
          {b.reason ? <p className="ban-list__reason">{b.reason}</p> : null}
          <LiftBanForm kind={b.kind} target={b.target} label={b.kind === "network" ? `the network ${b.label}` : b.label} />
        </li>
      ))}
    </ul>
  );
}
