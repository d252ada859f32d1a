import { formatDateTime } from "@/lib/format";
import type { BanEntry } from "@/lib/moderation/types";
import { LiftBanForm } from "./decision-forms";

export function BanList({ bans }: { bans: BanEntry[] }) {
  if (bans.length === 0) return <p>Nobody is banned.</p>;
  return (
    <ul className="ban-list">
      {bans.map((b) => (
        <li key={`${b.kind}:${b.target}`}>
          <strong>{b.label}</strong> <span className="meta">{b.kind === "user" ? "member" : "anonymous visitor"}, since {formatDateTime(b.since)}</span>
          {b.reason ? <p className="ban-list__reason">{b.reason}</p> : null}
          <LiftBanForm kind={b.kind} target={b.target} label={b.label} />
        </li>
      ))}
    </ul>
  );
}
