import type { Metadata } from "next";
import { IntentLink } from "@/components/ui/intent-link";
import { redirect } from "next/navigation";
import { isAdmin } from "@/lib/auth/roles";
import { getViewer } from "@/lib/auth/viewer";

export const metadata: Metadata = { title: "Admin", robots: { index: false } };

export default async function AdminPage() {
  const viewer = await getViewer();
  if (!viewer) redirect("/signin?callbackUrl=/admin");
  if (!isAdmin(viewer)) {
    return (
      <div className="narrow">
        <h1>Admin</h1>
        <p>This page is for administrators.</p>
      </div>
    );
  }
  return (
    <>
      <h1>Admin</h1>
      <ul className="admin-links">
        <li>
          <h2>
            <IntentLink href="/admin/users">Members</IntentLink>
          </h2>
          <p>Search, roles, trust, bans and credits.</p>
        </li>
        <li>
          <h2>
            <IntentLink href="/admin/settings">Site settings</IntentLink>
          </h2>
          <p>Anonymous commenting and rating, badge thresholds, flag weight, flood limits, spotlight prices.</p>
        </li>
        <li>
          <h2>
            <IntentLink href="/admin/import">Imports</IntentLink>
          </h2>
          <p>Past imports from WordPress, Disqus or a Dept export, with what each brought in and what it could not.</p>
        </li>
        <li>
          <h2>
            <IntentLink href="/moderation">Moderation</IntentLink>
          </h2>
          <p>The queue of hidden and pending comments, reported comments, bans, and the log of every decision.</p>
        </li>
      </ul>
    </>
  );
}
