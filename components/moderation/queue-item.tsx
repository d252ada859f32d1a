import { IntentLink } from "@/components/ui/intent-link";
import { formatDateTime, pluralize } from "@/lib/format";
import type { QueueAuthor, QueueItem } from "@/lib/moderation/types";
import { DELETED_USER_NAME } from "@/lib/words";
import { ApproveForm, BanForm, RemoveForm } from "./decision-forms";
import { QueuedCommentText } from "./queued-comment-text";

export function queueStatus(item: Pick<QueueItem, "status" | "hiddenBy">): string {
  if (item.status === "pending") return "Pending review";
  return item.hiddenBy === "moderator" ? "Hidden by a moderator" : "Hidden by the community";
}

function counts(mix: Record<string, number>, none: string, word = (k: string, n: number) => `${k} (${n})`): string {
  const parts = Object.entries(mix)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => word(k, n));
  return parts.length ? parts.join(", ") : none;
}

function authorText(author: QueueAuthor): string {
  return author.kind === "deleted" ? DELETED_USER_NAME : author.name;
}

function Author({ author }: { author: QueueAuthor }) {
  if (author.kind === "deleted") return <>{DELETED_USER_NAME}</>;
  return (
    <>
      {author.kind === "member" ? <IntentLink href={`/users/${author.handle}`}>{author.name}</IntentLink> : author.name}
      {author.kind === "anonymous" ? <span className="meta"> (anonymous{author.visitorLabel ? `, ${author.visitorLabel}` : ""})</span> : null}
      {author.isBanned ? <strong> (banned)</strong> : null}
    </>
  );
}

/** Why a ban form is not offered for this author, or null when it is. */
function noBanBecause(author: QueueAuthor): string | null {
  if (author.kind === "deleted") return "The author has deleted their account.";
  if (author.isBanned) return "The author is banned from posting.";
  if (author.kind === "member" && !author.canBeBanned) return "The author is a moderator or admin and cannot be banned.";
  if (author.kind === "anonymous" && !author.visitorLabel) return "This comment carries no visitor key, so its poster cannot be banned.";
  return null;
}

/** One comment waiting for a decision: what it says and why it is here, beside the decisions (approve first). */
export function QueueEntry({ item }: { item: QueueItem }) {
  const headingId = `queued-${item.id}`;
  const noBan = noBanBecause(item.author);
  return (
    <article className="queue-item" aria-labelledby={headingId}>
      <h3 id={headingId}>
        Comment by {authorText(item.author)} on “{item.article.title}”
      </h3>
      <div className="queue-item__main">
        <dl className="queue-item__facts">
          <dt>Status</dt>
          <dd>{queueStatus(item)}</dd>
          <dt>Flag weight</dt>
          <dd>
            {item.flagWeight}
            {item.flagWeightApproved > 0 ? ` (${item.flagWeightApproved} of it approved earlier by a moderator)` : ""}
          </dd>
          <dt>Reasons</dt>
          <dd>{counts(item.reasons, "none given")}</dd>
          <dt>Flagged by</dt>
          <dd>{counts(item.flaggers, "nobody", (k, n) => pluralize(n, k))}</dd>
          <dt>Author</dt>
          <dd>
            <Author author={item.author} />
          </dd>
          <dt>Posted</dt>
          <dd>
            <time dateTime={item.createdAt}>{formatDateTime(item.createdAt)}</time> on{" "}
            <IntentLink href={`/articles/${item.article.slug}`}>{item.article.title}</IntentLink>
            {/* Pending comments are not public yet: their permalink would not find them. */}
            {item.status === "hidden" ? (
              <>
                {" "}
                · <IntentLink href={`/comments/${item.id}`}>Permalink</IntentLink>
              </>
            ) : null}
          </dd>
        </dl>
        <QueuedCommentText subject={item.subject} bodyHtml={item.bodyHtml} />
      </div>
      <div className="queue-item__decisions">
        <ApproveForm commentId={item.id} />
        <RemoveForm commentId={item.id} />
        {noBan ? <p className="meta">{noBan}</p> : <BanForm commentId={item.id} />}
      </div>
    </article>
  );
}
