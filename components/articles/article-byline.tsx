import Link from "next/link";
import type { AuthorRef } from "@/lib/articles/types";
import { formatDateTime } from "@/lib/format";

export function ArticleByline({ author, publishedAt, revisedAt }: { author: AuthorRef; publishedAt: string; revisedAt?: string | null }) {
  return (
    <p className="meta">
      by <Link href={`/users/${author.handle}`}>{author.name}</Link> ·{" "}
      <time dateTime={publishedAt}>{formatDateTime(publishedAt)}</time>
      {revisedAt ? (
        <>
          {" "}
          · Updated <time dateTime={revisedAt}>{formatDateTime(revisedAt)}</time>
        </>
      ) : null}
    </p>
  );
}
