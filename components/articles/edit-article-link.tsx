"use client";

import Link from "next/link";
import { useViewer } from "@/components/auth/use-viewer";

/** "Edit this article" for its author and for admins: an island, as the page is cached for everyone. */
export function EditArticleLink({ slug, authorHandle }: { slug: string; authorHandle: string }) {
  const viewer = useViewer();
  if (!viewer?.signedIn || viewer.isBanned) return null;
  const isAuthor = viewer.handle === authorHandle && viewer.role !== "reader";
  if (!isAuthor && viewer.role !== "admin") return null;
  return (
    <p className="meta">
      <Link href={`/articles/${slug}/edit`}>Edit this article</Link>
    </p>
  );
}
