import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { LabelledCell } from "@/components/admin/cell";
import { IntentLink } from "@/components/ui/intent-link";
import { isAdmin } from "@/lib/auth/roles";
import { getViewer } from "@/lib/auth/viewer";
import { formatDateTime } from "@/lib/format";
import { listImportRuns } from "@/lib/transfer/import-runs";

export const metadata: Metadata = { title: "Imports · Admin", robots: { index: false } };

const KIND_NAMES: Record<string, string> = { dept: "Dept export", wordpress: "WordPress", disqus: "Disqus" };

// Imports run from the command line (a file of hundreds of thousands of comments is no upload);
// this page shows what they did.
export default async function AdminImportsPage() {
  const viewer = await getViewer();
  if (!viewer) redirect("/signin?callbackUrl=/admin/import");
  if (!isAdmin(viewer)) {
    return (
      <div className="narrow">
        <h1>Imports</h1>
        <p>This page is for administrators.</p>
      </div>
    );
  }
  const runs = await listImportRuns(viewer);
  return (
    <>
      <h1>Imports</h1>
      <p>
        Bring in an archive from the server&apos;s command line, in the site&apos;s folder: <code>npm run import -- wordpress export.xml</code>,{" "}
        <code>npm run import -- disqus export.xml</code> or <code>npm run import -- dept site.jsonl</code>. Add <code>--dry-run</code> to see what
        would be created first. Each run is listed here with its report.
      </p>
      {runs.length === 0 ? (
        <p className="meta">No imports yet.</p>
      ) : (
        <div className="admin-table-wrap">
          <table className="admin-table admin-table--cards">
            <caption className="visually-hidden">Imports, latest first</caption>
            <thead>
              <tr>
                <th scope="col">Started</th>
                <th scope="col">From</th>
                <th scope="col">File</th>
                <th scope="col">Created</th>
                <th scope="col">Already there</th>
                <th scope="col">Not imported</th>
              </tr>
            </thead>
            <tbody>
              {runs.map((run) => (
                <tr key={run.id}>
                  <td className="admin-table__title">
                    <IntentLink href={`/admin/import/${run.id}`}>{formatDateTime(run.startedAt.toISOString())}</IntentLink>
                    {run.dryRun ? <span className="meta"> (dry run)</span> : null}
                    {run.finishedAt ? null : <span className="meta"> (did not finish)</span>}
                  </td>
                  <LabelledCell label="From">{KIND_NAMES[run.kind] ?? run.kind}</LabelledCell>
                  <LabelledCell label="File">{run.file}</LabelledCell>
                  <LabelledCell label="Created">{run.finishedAt ? run.created : "—"}</LabelledCell>
                  <LabelledCell label="Already there">{run.finishedAt ? run.existing : "—"}</LabelledCell>
                  <LabelledCell label="Not imported">{run.finishedAt ? run.problems : "—"}</LabelledCell>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
