import type { Metadata } from "next";
import { IntentLink } from "@/components/ui/intent-link";
import { redirect } from "next/navigation";
import { ReportEntry } from "@/components/moderation/report-item";
import { Pagination } from "@/components/ui/pagination";
import { isModerator } from "@/lib/auth/roles";
import { getViewer } from "@/lib/auth/viewer";
import { pluralize } from "@/lib/format";
import { pageHref, parsePageParam } from "@/lib/pagination";
import { listReported } from "@/lib/moderation/reports";
import { DONE_NOTICES, type DoneNotice } from "@/lib/moderation/types";

export const metadata: Metadata = { title: "Reported comments · Moderation", robots: { index: false } };

type Props = { searchParams: Promise<{ done?: string | string[]; page?: string | string[] }> };

export default async function ReportedPage({ searchParams }: Props) {
  const viewer = await getViewer();
  if (!viewer) redirect("/signin?callbackUrl=/moderation/reported");
  if (!isModerator(viewer)) {
    return (
      <div className="narrow">
        <h1>Reported comments</h1>
        <p>This page is for moderators.</p>
      </div>
    );
  }
  const params = await searchParams;
  const page = parsePageParam(params.page);
  if (page === null) redirect("/moderation/reported");
  const done = typeof params.done === "string" && Object.hasOwn(DONE_NOTICES, params.done) ? DONE_NOTICES[params.done as DoneNotice] : null;
  const reported = await listReported(viewer, page);
  if (page > reported.totalPages) redirect(pageHref("/moderation/reported", reported.totalPages));
  return (
    <>
      <h1>Reported comments</h1>
      {done ? (
        <p className="form-message form-message--ok" role="status">
          {done}
        </p>
      ) : null}
      <p>
        Every comment with a flag no moderator has judged yet, newest flag first, whether or not the flags hid it.{" "}
        <IntentLink href="/moderation">Back to the moderation queue</IntentLink>
      </p>
      <p className="meta">{reported.total === 0 ? "No open reports." : `${pluralize(reported.total, "comment")} reported.`}</p>
      {reported.items.map((item) => (
        <ReportEntry key={item.id} item={item} />
      ))}
      <Pagination basePath="/moderation/reported" page={reported.page} totalPages={reported.totalPages} label="Report pages" />
    </>
  );
}
