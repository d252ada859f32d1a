"use client";

import { IntentLink } from "@/components/ui/intent-link";
import { useViewer } from "@/components/auth/use-viewer";

/** "Edit this article" for its author and for admins: an island, as the page is cached for everyone. */
export function EditArticleLink({ slug, authorHandle }: { slug: string; authorHandle: string }) {
  const viewer = useViewer();
  if (!viewer?.signedIn || viewer.isBanned) return null;
  const isAuthor = viewer.handle === authorHandle && viewer.role !== "reader";
  if (!isAuthor && viewer.role !== "admin") return null;
  return (
    <p className="meta">
      <IntentLink href={`/articles/${slug}/edit`}>Edit this article</IntentLink>
    </p>
  );
}
