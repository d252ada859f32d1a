import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { IntentLink } from "@/components/ui/intent-link";
import { isAdmin } from "@/lib/auth/roles";
import { getViewer } from "@/lib/auth/viewer";
import { formatDateTime } from "@/lib/format";
import { parseId } from "@/lib/route-params";
import type { Problem } from "@/lib/transfer/import-dept";
import { getImportRun } from "@/lib/transfer/import-runs";

export const metadata: Metadata = { title: "Import report · Admin", robots: { index: false } };

type Props = { params: Promise<{ id: string }> };

const counted = (counts: Record<string, number>) =>
  Object.entries(counts)
    .filter(([, n]) => n > 0)
    .map(([what, n]) => `${n} ${what}`)
    .join(", ") || "none";

function ProblemList({ heading, items, total }: { heading: string; items: Problem[]; total: number }) {
  if (total === 0) return null;
  return (
    <section aria-labelledby={`${heading}-heading`.replace(/\W+/g, "-")}>
      <h2 id={`${heading}-heading`.replace(/\W+/g, "-")}>
        {heading} ({total})
      </h2>
      {items.length < total ? <p className="meta">The first {items.length}; the report file has them all.</p> : null}
      <ul className="import-report">
        {items.map((item, n) => (
          <li key={n}>
            <span className="meta">
              Line {item.line}
              {item.type ? `, ${item.type}` : ""}
              {item.key ? ` ${item.key}` : ""}:
            </span>{" "}
            {item.reason}
          </li>
        ))}
      </ul>
    </section>
  );
}

export default async function ImportReportPage({ params }: Props) {
  const { id: raw } = await params;
  const viewer = await getViewer();
  if (!viewer) redirect(`/signin?callbackUrl=/admin/import/${encodeURIComponent(raw)}`);
  if (!isAdmin(viewer)) {
    return (
      <div className="narrow">
        <h1>Import report</h1>
        <p>This page is for administrators.</p>
      </div>
    );
  }
  const id = parseId(raw);
  const run = id ? await getImportRun(viewer, id) : null;
  if (!run) notFound();
  const { report } = run;
  return (
    <>
      <p>
        <IntentLink href="/admin/import">All imports</IntentLink>
      </p>
      <h1>
        Import of {run.file}
        {run.dryRun ? " (dry run)" : ""}
      </h1>
      <p>
        Started {formatDateTime(run.startedAt.toISOString())}
        {run.finishedAt ? `, finished ${formatDateTime(run.finishedAt.toISOString())}.` : ". It did not finish: run the same import again to continue where it stopped."}
      </p>
      {report ? (
        <>
          <dl className="import-summary">
            <dt>{run.dryRun ? "Would create" : "Created"}</dt>
            <dd>{counted(report.created)}</dd>
            <dt>Already there</dt>
            <dd>{counted(report.existing)}</dd>
            <dt>Skipped</dt>
            <dd>{counted(report.skipped)}</dd>
            {report.matched !== undefined ? (
              <>
                <dt>Threads matched to articles</dt>
                <dd>{report.matched}</dd>
              </>
            ) : null}
            {report.reportFile ? (
              <>
                <dt>Report file</dt>
                <dd>
                  <code>{report.reportFile}</code>
                </dd>
              </>
            ) : null}
          </dl>
          <ProblemList heading="Not imported" items={report.problems} total={report.problemCount} />
          <ProblemList heading="Imported with changes" items={report.notes} total={report.noteCount} />
          {report.problemCount === 0 && report.noteCount === 0 ? <p>Everything in the file was imported as it was.</p> : null}
        </>
      ) : null}
    </>
  );
}
