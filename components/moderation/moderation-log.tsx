import { IntentLink } from "@/components/ui/intent-link";
import { LabelledCell } from "@/components/admin/cell";
import { formatDateTime } from "@/lib/format";
import { ModerationAction, type LogEntry } from "@/lib/moderation/types";

const ACTION_LABELS: Record<string, string> = {
  [ModerationAction.approve]: "Approved a comment",
  [ModerationAction.remove]: "Removed a comment",
  [ModerationAction.banUser]: "Banned a member",
  [ModerationAction.banVisitor]: "Banned an anonymous visitor",
  [ModerationAction.unbanUser]: "Lifted a member's ban",
  [ModerationAction.unbanVisitor]: "Lifted a visitor's ban",
  [ModerationAction.unbanNetwork]: "Stopped holding a network's comments",
  // Role changes by admins are recorded in the same table.
  "user.role": "Changed a member's role",
  "user.credits": "Granted credits",
  // An admin saving another member's article (lib/articles/mutations.ts).
  "article.edit": "Edited a member's article",
};

/** Every recorded decision, newest first: who, what, to whom, why, when. */
export function ModerationLog({ entries }: { entries: LogEntry[] }) {
  if (entries.length === 0) return <p>No decisions yet.</p>;
  return (
    <table className="admin-table admin-table--cards moderation-log">
      <caption className="visually-hidden">Moderation log, newest first</caption>
      <thead>
        <tr>
          <th scope="col">When</th>
          <th scope="col">Who</th>
          <th scope="col">What</th>
          <th scope="col">Concerning</th>
          <th scope="col">Why</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((e) => (
          <tr key={e.id}>
            <td className="admin-table__title">
              <time dateTime={e.createdAt}>{formatDateTime(e.createdAt)}</time>
            </td>
            <LabelledCell label="Who">{e.actorName ?? "Command line"}</LabelledCell>
            <LabelledCell label="What">{ACTION_LABELS[e.action] ?? e.action}</LabelledCell>
            <LabelledCell label="Concerning">
              {e.target ?? ""}
              {e.commentId ? (
                <>
                  {e.target ? " · " : ""}
                  <IntentLink href={`/comments/${e.commentId}`}>the comment</IntentLink>
                </>
              ) : null}
            </LabelledCell>
            <LabelledCell label="Why">{e.reason ?? <span className="meta">none given</span>}</LabelledCell>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
