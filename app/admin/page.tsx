import type { Metadata } from "next";
import Link from "next/link";
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
    <div className="narrow">
      <h1>Admin</h1>
      <ul className="admin-links">
        <li>
          <Link href="/admin/users">Members</Link>: search, roles, bans and credits.
        </li>
        <li>
          <Link href="/admin/settings">Site settings</Link>: anonymous commenting and rating, badge thresholds, flag weight, flood limits,
          spotlight prices.
        </li>
        <li>
          <Link href="/moderation">Moderation</Link>: the queue of hidden and pending comments, bans, and the log of every decision.
        </li>
      </ul>
    </div>
  );
}
