import Link from "next/link";
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
    <table className="admin-table moderation-log">
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
            <td>
              <time dateTime={e.createdAt}>{formatDateTime(e.createdAt)}</time>
            </td>
            <td>{e.actorName ?? "Command line"}</td>
            <td>{ACTION_LABELS[e.action] ?? e.action}</td>
            <td>
              {e.target ?? ""}
              {e.commentId ? (
                <>
                  {e.target ? " · " : ""}
                  <Link href={`/comments/${e.commentId}`}>the comment</Link>
                </>
              ) : null}
            </td>
            <td>{e.reason ?? <span className="meta">none given</span>}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
