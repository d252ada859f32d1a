import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { BanList } from "@/components/moderation/ban-list";
import { ModerationLog } from "@/components/moderation/moderation-log";
import { QueueEntry } from "@/components/moderation/queue-item";
import { Pagination } from "@/components/ui/pagination";
import { isModerator } from "@/lib/auth/roles";
import { getViewer } from "@/lib/auth/viewer";
import { pluralize } from "@/lib/format";
import { pageHref, parsePageParam } from "@/lib/pagination";
import { LOG_LIMIT, listBans, listModerationLog, listModerationQueue } from "@/lib/moderation/queries";
import { DONE_NOTICES, type DoneNotice } from "@/lib/moderation/types";

export const metadata: Metadata = { title: "Moderation", robots: { index: false } };

type Props = { searchParams: Promise<{ done?: string | string[]; page?: string | string[] }> };

function noticeFor(done: string | string[] | undefined): string | null {
  return typeof done === "string" && Object.hasOwn(DONE_NOTICES, done) ? DONE_NOTICES[done as DoneNotice] : null;
}

export default async function ModerationPage({ searchParams }: Props) {
  const viewer = await getViewer();
  if (!viewer) redirect("/signin?callbackUrl=/moderation");
  // Like /admin/users: a note, and nothing of the queue (lib/moderation refuses the reads too).
  if (!isModerator(viewer)) {
    return (
      <div className="narrow">
        <h1>Moderation</h1>
        <p>This page is for moderators.</p>
      </div>
    );
  }
  const params = await searchParams;
  const page = parsePageParam(params.page);
  if (page === null) redirect("/moderation");
  const notice = noticeFor(params.done);
  const [queue, bans, log] = await Promise.all([listModerationQueue(viewer, page), listBans(viewer), listModerationLog(viewer)]);
  if (page > queue.totalPages) redirect(pageHref("/moderation", queue.totalPages));
  return (
    <>
      <h1>Moderation</h1>
      {notice ? (
        <p className="form-message form-message--ok" role="status">
          {notice}
        </p>
      ) : null}
      <nav aria-label="Moderation sections" className="thread-view-nav">
        <p>
          <a href="#queue">Waiting for review</a> <a href="/moderation/reported">Reported</a> <a href="#bans">Banned from posting</a>{" "}
          <a href="#log">Moderation log</a>
        </p>
      </nav>
      <section id="queue" aria-labelledby="queue-heading" className="moderation-section">
        <h2 id="queue-heading">Waiting for review</h2>
        <p className="meta">
          {queue.total === 0
            ? "Nothing is waiting: no comment is hidden or pending."
            : `${pluralize(queue.total, "comment")} hidden or pending, newest first.`}
        </p>
        {queue.items.map((item) => (
          <QueueEntry key={item.id} item={item} />
        ))}
        <Pagination basePath="/moderation" page={queue.page} totalPages={queue.totalPages} label="Queue pages" />
      </section>
      <section id="bans" aria-labelledby="bans-heading" className="moderation-section">
        <h2 id="bans-heading">Banned from posting</h2>
        <BanList bans={bans} />
      </section>
      <section id="log" aria-labelledby="log-heading" className="moderation-section">
        <h2 id="log-heading">Moderation log</h2>
        <p className="meta">The latest {log.length === LOG_LIMIT ? `${LOG_LIMIT} ` : ""}decisions, newest first.</p>
        <ModerationLog entries={log} />
      </section>
    </>
  );
}
