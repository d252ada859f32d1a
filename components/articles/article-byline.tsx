import { IntentLink } from "@/components/ui/intent-link";
import type { AuthorRef } from "@/lib/articles/types";
import { RelativeTime } from "@/components/ui/relative-time";

export function ArticleByline({ author, publishedAt, revisedAt }: { author: AuthorRef; publishedAt: string; revisedAt?: string | null }) {
  return (
    <p className="meta">
      by <IntentLink href={`/users/${author.handle}`}>{author.name}</IntentLink> · <RelativeTime iso={publishedAt} />
      {revisedAt ? (
        <>
          {" "}
          · Updated <RelativeTime iso={revisedAt} />
        </>
      ) : null}
    </p>
  );
}
