import Link from "next/link";
import type { TagRef } from "@/lib/articles/types";

export function TagLinks({ tags }: { tags: TagRef[] }) {
  return (
    <ul className="tag-list">
      {tags.map((t) => (
        <li key={t.slug}>
          <Link href={`/tags/${t.slug}`}>{t.name}</Link>
        </li>
      ))}
    </ul>
  );
}
