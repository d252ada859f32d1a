import type { Metadata } from "next";
import { IntentLink } from "@/components/ui/intent-link";
import { redirect } from "next/navigation";
import { BreakableEmail } from "@/components/admin/breakable-email";
import { LabelledCell } from "@/components/admin/cell";
import { GrantCreditsForm } from "@/components/admin/grant-credits-form";
import { MemberBanForm } from "@/components/admin/member-ban-form";
import { RoleForm } from "@/components/admin/role-form";
import { TrustForm } from "@/components/admin/trust-form";
import { Pagination } from "@/components/ui/pagination";
import { isAdmin } from "@/lib/auth/roles";
import { getViewer } from "@/lib/auth/viewer";
import { formatDate } from "@/lib/format";
import { pageCount, parsePageParam } from "@/lib/pagination";
import { trustOfMembers, type MemberTrust } from "@/lib/trust/queries";
import { listUsersForAdmin } from "@/lib/users/queries";

export const metadata: Metadata = { title: "Members · Admin", robots: { index: false } };

function TrustCell({ userId, handle, trust }: { userId: string; handle: string; trust: MemberTrust | undefined }) {
  if (!trust || trust.level === "moderator") return <span className="meta">moderator</span>;
  return (
    <>
      <TrustForm userId={userId} handle={handle} trust={trust.chosen} earned={trust.chosen ? "set by hand" : trust.level} />
      <span className="meta">
        {" "}
        Now {trust.level}; flags upheld {trust.flagsUpheld}, rejected {trust.flagsRejected}
      </span>
    </>
  );
}

type Props = { searchParams: Promise<{ q?: string | string[]; page?: string | string[] }> };

export default async function AdminUsersPage({ searchParams }: Props) {
  const viewer = await getViewer();
  if (!viewer) redirect("/signin?callbackUrl=/admin/users");
  if (!isAdmin(viewer)) {
    return (
      <div className="narrow">
        <h1>Members</h1>
        <p>This page is for administrators.</p>
      </div>
    );
  }
  const params = await searchParams;
  const q = typeof params.q === "string" ? params.q : "";
  const page = parsePageParam(params.page) ?? 1;
  const { rows, total } = await listUsersForAdmin(viewer, q, page);
  const trust = await trustOfMembers(viewer, rows.map((u) => u.id));
  return (
    <>
      <h1>Members</h1>
      <form method="get" className="search-form" role="search">
        <label htmlFor="member-search">Search members</label>
        <input id="member-search" name="q" type="search" defaultValue={q} placeholder="Name, handle or email" />
        <button type="submit" className="button">
          Search
        </button>
      </form>
      <p className="meta">{total === 1 ? "1 member" : `${total} members`}</p>
      <div className="admin-table-wrap">
        <table className="admin-table admin-table--cards member-table">
          <caption className="visually-hidden">Members, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Member</th>
              <th scope="col">Email</th>
              <th scope="col">Joined</th>
              <th scope="col">Role</th>
              <th scope="col">Trust</th>
              <th scope="col">Credits</th>
              <th scope="col">Posting</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((u) => (
              <tr key={u.id}>
                <td className="admin-table__title">
                  <IntentLink href={`/users/${u.handle}`}>{u.name}</IntentLink> <span className="meta">@{u.handle}</span>
                  {u.isBanned ? <span className="meta"> (banned)</span> : null}
                </td>
                <LabelledCell label="Email" className="admin-table__email">
                  <BreakableEmail email={u.email} />
                </LabelledCell>
                <LabelledCell label="Joined" className="admin-table__nowrap">
                  {formatDate(u.joinedAt)}
                </LabelledCell>
                <LabelledCell label="Role">
                  <RoleForm userId={u.id} handle={u.handle} role={u.role} />
                </LabelledCell>
                <LabelledCell label="Trust">
                  <TrustCell userId={u.id} handle={u.handle} trust={trust.get(u.id)} />
                </LabelledCell>
                <LabelledCell label="Credits">
                  <GrantCreditsForm userId={u.id} handle={u.handle} credits={u.credits} />
                </LabelledCell>
                <LabelledCell label="Posting">
                  {u.role === "reader" || u.role === "author" ? <MemberBanForm userId={u.id} handle={u.handle} isBanned={u.isBanned} /> : <span className="meta">Moderators and admins cannot be banned.</span>}
                </LabelledCell>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pagination basePath={q ? `/admin/users?q=${encodeURIComponent(q)}` : "/admin/users"} page={page} totalPages={pageCount(total, 25)} />
    </>
  );
}
