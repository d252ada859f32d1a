import { IntentLink } from "@/components/ui/intent-link";
import { LabelledCell } from "@/components/admin/cell";
import { formatDateTime, pluralize } from "@/lib/format";
import type { ReportItem } from "@/lib/moderation/reports";
import { DELETED_USER_NAME } from "@/lib/words";
import { RejectFlagsForm, RemoveForm, UpholdFlagsForm } from "./decision-forms";
import { QueuedCommentText } from "./queued-comment-text";
import { queueStatus } from "./queue-item";

const TRUST_ORDER = ["moderator", "established", "member", "new", "anonymous"];
const TRUST_WORDS: Record<string, string> = {
  moderator: "moderator",
  established: "established member",
  member: "member",
  new: "new member",
  anonymous: "anonymous visitor",
};

function statusText(item: ReportItem): string {
  if (item.status === "hidden" || item.status === "pending") return queueStatus({ status: item.status, hiddenBy: item.hiddenBy });
  return item.status === "removed" ? "Removed" : "Published";
}

function trustSummary(byTrust: Record<string, number>): string {
  return TRUST_ORDER.filter((t) => byTrust[t]).map((t) => pluralize(byTrust[t], TRUST_WORDS[t])).join(", ");
}

/** One reported comment: what it says, every open flag with who raised it, and the verdicts. */
export function ReportEntry({ item }: { item: ReportItem }) {
  const headingId = `reported-${item.id}`;
  const author = item.author.kind === "deleted" ? DELETED_USER_NAME : item.author.name;
  return (
    <article className="queue-item" aria-labelledby={headingId}>
      {/* Each report sits straight under the page's h1 (the queue's items sit under its h2s). */}
      <h2 id={headingId}>
        Comment by {author} on “{item.article.title}”
      </h2>
      <div className="queue-item__main">
        <dl className="queue-item__facts">
          <dt>Status</dt>
          <dd>{statusText(item)}</dd>
          <dt>Open flags</dt>
          <dd>
            {pluralize(item.flags.length, "flag")} from {trustSummary(item.byTrust)}, {pluralize(item.networks, "network")}
          </dd>
          <dt>Counted weight</dt>
          <dd>
            {item.flagWeight}
            {item.flagWeightApproved > 0 ? ` (${item.flagWeightApproved} of it cleared earlier by a moderator)` : ""}
          </dd>
          <dt>Posted</dt>
          <dd>
            <IntentLink href={`/articles/${item.article.slug}`}>{item.article.title}</IntentLink>
            {item.status === "published" || item.status === "hidden" ? (
              <>
                {" "}
                · <IntentLink href={`/comments/${item.id}`}>Permalink</IntentLink>
              </>
            ) : null}
          </dd>
        </dl>
        <table className="report-flags admin-table--cards">
          <caption className="visually-hidden">Open flags on this comment</caption>
          <thead>
            <tr>
              <th scope="col">Flagged by</th>
              <th scope="col">Trust</th>
              <th scope="col">Reason</th>
              <th scope="col">Weight</th>
              <th scope="col">From</th>
              <th scope="col">When</th>
            </tr>
          </thead>
          <tbody>
            {item.flags.map((f) => (
              <tr key={f.id}>
                <td className="admin-table__title">{f.flagger}</td>
                <LabelledCell label="Trust">{TRUST_WORDS[f.trust] ?? f.trust}</LabelledCell>
                <LabelledCell label="Reason">{f.reason}</LabelledCell>
                <LabelledCell label="Weight">{f.weight}</LabelledCell>
                <LabelledCell label="From">{f.network}</LabelledCell>
                <LabelledCell label="When">
                  <time dateTime={f.createdAt}>{formatDateTime(f.createdAt)}</time>
                </LabelledCell>
              </tr>
            ))}
          </tbody>
        </table>
        <QueuedCommentText subject={item.subject} bodyHtml={item.bodyHtml} />
      </div>
      <div className="queue-item__decisions">
        <UpholdFlagsForm commentId={item.id} />
        <RejectFlagsForm commentId={item.id} />
        {item.status !== "removed" ? <RemoveForm commentId={item.id} folded /> : null}
      </div>
    </article>
  );
}
