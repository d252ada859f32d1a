import Link from "next/link";
import type { AuthorRef } from "@/lib/articles/types";
import { RelativeTime } from "@/components/ui/relative-time";

export function ArticleByline({ author, publishedAt, revisedAt }: { author: AuthorRef; publishedAt: string; revisedAt?: string | null }) {
  return (
    <p className="meta">
      by <Link href={`/users/${author.handle}`}>{author.name}</Link> · <RelativeTime iso={publishedAt} />
      {revisedAt ? (
        <>
          {" "}
          · Updated <RelativeTime iso={revisedAt} />
        </>
      ) : null}
    </p>
  );
}
