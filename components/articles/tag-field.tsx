"use client";

import { useState } from "react";
import { Field } from "@/components/forms/field";
import { slugify } from "@/lib/articles/slug";
import { TAG_MAX, TAGS_MAX } from "@/lib/articles/limits";

type Props = { defaultValue: string; existingTags: string[]; error?: string };

const LIST_ID = "article-tag-options";

/**
 * Tags as one comma-separated text field. The suggestions complete the tag being typed: each
 * option repeats the tags already written before it, since a datalist replaces the whole value.
 */
export function TagField({ defaultValue, existingTags, error }: Props) {
  const [text, setText] = useState(defaultValue);
  const comma = text.lastIndexOf(",");
  const before = comma === -1 ? "" : `${text.slice(0, comma + 1).trimEnd()} `;
  const chosen = new Set(before.split(",").map((t) => slugify(t.trim(), TAG_MAX)));
  const options = existingTags.filter((name) => !chosen.has(slugify(name, TAG_MAX)));
  return (
    <>
      <Field
        id="article-tags"
        name="tags"
        label="Tags"
        list={LIST_ID}
        autoComplete="off"
        defaultValue={defaultValue}
        error={error}
        hint={`Separate tags with commas (up to ${TAGS_MAX}). Pick existing ones as you type, or write new ones.`}
        onInput={(event) => setText(event.currentTarget.value)}
      />
      <datalist id={LIST_ID}>
        {options.map((name) => (
          <option key={name} value={`${before}${name}`} />
        ))}
      </datalist>
    </>
  );
}
