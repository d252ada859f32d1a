import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SettingsForm } from "@/components/admin/settings-form";
import { isAdmin } from "@/lib/auth/roles";
import { getViewer } from "@/lib/auth/viewer";
import { getSettings } from "@/lib/settings/queries";

export const metadata: Metadata = { title: "Site settings · Admin", robots: { index: false } };

export default async function AdminSettingsPage() {
  const viewer = await getViewer();
  if (!viewer) redirect("/signin?callbackUrl=/admin/settings");
  if (!isAdmin(viewer)) {
    return (
      <div className="narrow">
        <h1>Site settings</h1>
        <p>This page is for administrators.</p>
      </div>
    );
  }
  return (
    <>
      <h1>Site settings</h1>
      <p>Changes apply to the next page anyone opens, and are recorded in the moderation log.</p>
      <SettingsForm current={await getSettings()} />
    </>
  );
}
