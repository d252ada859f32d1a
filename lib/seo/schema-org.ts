// Microdata for schema.org items. The article page describes itself and its visible comments in
// its own markup (itemscope/itemprop) rather than in a JSON-LD block: a block repeats every
// comment's words a third and a fourth time (its text, then again in the page's RSC payload),
// where attributes on the elements that already show them cost a few bytes each.

/** The attributes that make an element a schema.org item of `type`. */
export function itemOf(type: "NewsArticle" | "Comment" | "Person" | "Organization" | "ImageObject") {
  return { itemScope: true, itemType: `https://schema.org/${type}` } as const;
}
