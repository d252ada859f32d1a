// Reads the schema.org items a page describes in microdata (itemscope/itemtype/itemprop), as a
// search engine does (the WHATWG microdata model, without itemref, which the site does not use),
// into the same shape as JSON-LD, so e2e/structured-data-rules.ts checks either. Used by
// e2e/structured-data.spec.ts on the page as served and by tests/seo/microdata.test.ts.
import { DomUtils, parseDocument } from "htmlparser2";

type Node = ReturnType<typeof parseDocument>["children"][number];
type Element = Extract<Node, { attribs: Record<string, string> }>;
export type Item = Record<string, unknown>;

const SCHEMA_ORG = "https://schema.org/";
const URL_VALUED: Record<string, string> = { a: "href", area: "href", link: "href", img: "src", audio: "src", video: "src", source: "src", iframe: "src", embed: "src", object: "data" };

const elementsOf = (nodes: Node[]): Element[] => nodes.filter((n): n is Element => "attribs" in n);

/** A property element's value: its attribute where HTML says so, else its text. */
function valueOf(el: Element, base: string): string {
  if (el.name === "meta") return el.attribs.content ?? "";
  const urlAttribute = URL_VALUED[el.name];
  if (urlAttribute) return el.attribs[urlAttribute] === undefined ? "" : new URL(el.attribs[urlAttribute], base).href;
  if (el.name === "time" && el.attribs.datetime !== undefined) return el.attribs.datetime;
  if ((el.name === "data" || el.name === "meter") && el.attribs.value !== undefined) return el.attribs.value;
  return DomUtils.textContent(el);
}

function add(item: Item, name: string, value: unknown): void {
  const had = item[name];
  item[name] = had === undefined ? value : Array.isArray(had) ? [...had, value] : [had, value];
}

function collect(item: Item, children: Node[], base: string): void {
  for (const el of elementsOf(children)) {
    const names = el.attribs.itemprop?.trim().split(/\s+/) ?? [];
    const scope = el.attribs.itemscope !== undefined;
    for (const name of names) add(item, name, scope ? itemAt(el, base) : valueOf(el, base));
    // A nested item's own properties belong to it, not to the item around it.
    if (!scope) collect(item, el.children, base);
  }
}

function itemAt(el: Element, base: string): Item {
  const type = el.attribs.itemtype ?? "";
  const item: Item = { "@type": type.startsWith(SCHEMA_ORG) ? type.slice(SCHEMA_ORG.length) : type };
  collect(item, el.children, base);
  return item;
}

/** The page's top-level items (an itemscope not itself a property of another item). */
export function microdataItems(html: string, base: string): Item[] {
  const scopes = DomUtils.findAll((el) => el.attribs.itemscope !== undefined && el.attribs.itemprop === undefined, parseDocument(html).children);
  return scopes.map((el) => {
    const item = itemAt(el, base);
    return (el.attribs.itemtype ?? "").startsWith(SCHEMA_ORG) ? { "@context": "https://schema.org", ...item } : item;
  });
}
