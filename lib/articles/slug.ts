// Article and tag slugs. Pure (no database), so the write form can show the slug a title will
// get while it is typed; lib/articles/slug-claims.ts checks candidates against the database.

/** Same rule as lib/route-params.ts: a slug that does not match is a page that cannot exist. */
export const SLUG_PATTERN = /^[a-z0-9][a-z0-9-]{0,199}$/;
export const SLUG_MAX = 200;
// Derived slugs stay readable in a URL; a hand-typed one may use the full length.
const DERIVED_MAX = 80;

/** "Zoë's Big Day: Ink & Oil!" → "zoes-big-day-ink-oil"; "" when nothing usable is left. */
export function slugify(text: string, max = DERIVED_MAX): string {
  const words = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/['’]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  if (words.length <= max) return words;
  // Cut at a word boundary rather than mid-word, unless that leaves too little.
  const cut = words.slice(0, max);
  const lastHyphen = cut.lastIndexOf("-");
  return (lastHyphen >= max / 2 ? cut.slice(0, lastHyphen) : cut).replace(/-+$/, "");
}

/** The slug a new article gets from its title; titles with no Latin letters or digits get "article". */
export function slugFromTitle(title: string): string {
  return slugify(title) || "article";
}

/** `base`, then `base-2`, `base-3`…: the first one not in `taken`, never longer than SLUG_MAX. */
export function nextFreeSlug(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const suffix = `-${n}`;
    const candidate = `${base.slice(0, SLUG_MAX - suffix.length).replace(/-+$/, "")}${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}
