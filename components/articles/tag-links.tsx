import { IntentLink } from "@/components/ui/intent-link";
import type { TagRef } from "@/lib/articles/types";

export function TagLinks({ tags }: { tags: TagRef[] }) {
  return (
    <ul className="tag-list">
      {tags.map((t) => (
        <li key={t.slug}>
          <IntentLink href={`/tags/${t.slug}`}>{t.name}</IntentLink>
        </li>
      ))}
    </ul>
  );
}

/** "Filed Under: a, b, c". A block, not a <span>: a list may not sit inside phrasing content. */
export function FiledUnder({ tags }: { tags: TagRef[] }) {
  if (tags.length === 0) return null;
  return (
    <div className="filed-under">
      Filed Under: <TagLinks tags={tags} />
    </div>
  );
}
