// Imported HTML (a WordPress post or comment) as Dept's Markdown, which is what the site stores
// and renders through its own sanitizer (lib/markdown/render.ts). Structure the Markdown can hold
// is kept: paragraphs, headings, emphasis, links, images, quotations, lists, code, rules and
// simple tables. Anything that could run or embed something (scripts, styles, forms, frames) is
// left out, and each kind left out is named in `removed` so the import's report can say so; an
// embedded frame or media file is kept as a link to its address.
import type { ChildNode, Element } from "domhandler";
import { parseDocument } from "htmlparser2";

export type Converted = { markdown: string; removed: string[] };

const REMOVED = new Set(["script", "style", "form", "input", "button", "select", "textarea", "noscript", "svg", "canvas", "template", "head", "title", "meta", "link"]);
const EMBEDS = new Set(["iframe", "embed", "object", "video", "audio", "source"]);
const BLOCKS = new Set([
  "p", "div", "section", "article", "aside", "header", "footer", "main", "nav", "figure", "figcaption", "h1", "h2", "h3", "h4", "h5", "h6",
  "blockquote", "ul", "ol", "li", "pre", "hr", "table", "dl", "dt", "dd", "address", "details", "summary",
]);
const SAFE_URL = /^(https?:|mailto:|\/|#|\.\.?\/)/i;

// Characters that would start Markdown syntax inside ordinary text.
const escapeText = (text: string) => text.replace(/[\\`*_[\]<>~|]/g, "\\$&");
// ... and at the start of a line, where they would start a block.
const escapeLineStart = (line: string) => line.replace(/^(\s*)([#>+-]|\d+[.)])(?=\s|$)/, (_, space: string, mark: string) => `${space}${mark.replace(/([#>+.)-])$/, "\\$1")}`);

const isElement = (node: ChildNode): node is Element => node.type === "tag" || node.type === "script" || node.type === "style";
const urlOf = (value: string | undefined) => (value && SAFE_URL.test(value.trim()) ? value.trim().replace(/[()\s]/g, (c) => encodeURIComponent(c)) : undefined);

class Converter {
  removed = new Set<string>();

  /** Block-level Markdown of a list of nodes: inline runs become paragraphs. */
  blocks(nodes: ChildNode[]): string[] {
    const out: string[] = [];
    let run: ChildNode[] = [];
    const flushRun = () => {
      const text = this.inlines(run);
      // Blank lines in the source are paragraph breaks (WordPress's classic editor writes no <p>).
      for (const paragraph of text.split(/\n{2,}/)) {
        const lines = paragraph.split("\n").map((l) => l.trim()).filter(Boolean);
        if (lines.length > 0) out.push(lines.map(escapeLineStart).join("\n"));
      }
      run = [];
    };
    for (const node of nodes) {
      if (isElement(node) && (BLOCKS.has(node.name) || REMOVED.has(node.name) || EMBEDS.has(node.name))) {
        flushRun();
        out.push(...this.block(node));
      } else run.push(node);
    }
    flushRun();
    return out;
  }

  block(el: Element): string[] {
    const name = el.name;
    if (REMOVED.has(name) || el.type === "script" || el.type === "style") {
      this.removed.add(name);
      return [];
    }
    if (EMBEDS.has(name)) {
      const src = urlOf(el.attribs.src ?? el.attribs.data);
      this.removed.add(src ? `${name} (kept as a link)` : name);
      return src ? [`[Embedded ${name === "iframe" ? "content" : name}](${src})`] : [];
    }
    const inner = () => this.blocks(el.children);
    switch (name) {
      case "h1":
      case "h2":
        return this.heading("##", el);
      case "h3":
        return this.heading("###", el);
      case "h4":
      case "h5":
      case "h6":
        return this.heading("####", el);
      case "hr":
        return ["---"];
      case "blockquote":
        return [inner().join("\n\n").split("\n").map((line) => (line ? `> ${line}` : ">")).join("\n")].filter((q) => q !== ">");
      case "ul":
      case "ol":
        return [this.list(el)].filter(Boolean);
      case "pre": {
        const code = textOf(el).replace(/\n+$/, "");
        const language = /(?:^|\s)(?:language|lang)-([\w+-]+)/.exec(`${el.attribs.class ?? ""} ${findCodeClass(el)}`)?.[1] ?? "";
        const fence = "`".repeat(Math.max(3, longestRun(code, "`") + 1));
        return [`${fence}${language}\n${code}\n${fence}`];
      }
      case "figcaption": {
        const caption = this.inlines(el.children).trim();
        return caption ? [`*${caption}*`] : [];
      }
      case "table":
        return [this.table(el)].filter(Boolean);
      default:
        return inner();
    }
  }

  heading(mark: string, el: Element): string[] {
    const text = this.inlines(el.children).replace(/\s+/g, " ").trim();
    return text ? [`${mark} ${text}`] : [];
  }

  list(el: Element): string {
    const ordered = el.name === "ol";
    let n = Number(el.attribs.start) || 1;
    const items: string[] = [];
    for (const child of el.children) {
      if (!isElement(child) || child.name !== "li") continue;
      const marker = ordered ? `${n++}.` : "-";
      const pad = " ".repeat(marker.length + 1);
      // A list inside an item follows its text directly, so the outer list stays tight.
      const body = this.blocks(child.children).reduce((text, block) => (text ? `${text}${/^(-|\d+\.) /.test(block) ? "\n" : "\n\n"}${block}` : block), "");
      const lines = body.split("\n");
      items.push([`${marker} ${lines[0] ?? ""}`, ...lines.slice(1).map((l) => (l ? pad + l : l))].join("\n"));
    }
    return items.join("\n");
  }

  table(el: Element): string {
    const rows: string[][] = [];
    const visit = (node: Element) => {
      for (const child of node.children) {
        if (!isElement(child)) continue;
        if (child.name === "tr") rows.push(child.children.filter(isElement).filter((c) => c.name === "td" || c.name === "th").map((c) => this.inlines(c.children).replace(/\s+/g, " ").trim()));
        else if (["thead", "tbody", "tfoot"].includes(child.name)) visit(child);
      }
    };
    visit(el);
    if (rows.length === 0) return "";
    const width = Math.max(...rows.map((r) => r.length));
    const line = (cells: string[]) => `| ${Array.from({ length: width }, (_, i) => cells[i] ?? "").join(" | ")} |`;
    return [line(rows[0]), `|${" --- |".repeat(width)}`, ...rows.slice(1).map(line)].join("\n");
  }

  /** Inline Markdown of nodes; "\n\n" where the source had a paragraph break. */
  inlines(nodes: ChildNode[]): string {
    return nodes.map((node) => this.inline(node)).join("");
  }

  inline(node: ChildNode): string {
    if (node.type === "text") {
      // Runs of spaces are one space; a single line break is a space, a blank line a paragraph break.
      return escapeText(node.data.replace(/[ \t\r\f]+/g, " ").replace(/ ?\n ?(\n ?)+/g, "\n\n").replace(/(?<!\n) ?\n ?(?!\n)/g, " "));
    }
    if (!isElement(node)) return "";
    const name = node.name;
    if (REMOVED.has(name) || node.type === "script" || node.type === "style") {
      this.removed.add(name);
      return "";
    }
    if (BLOCKS.has(name) || EMBEDS.has(name)) return `\n\n${this.block(node).join("\n\n")}\n\n`;
    const inner = () => this.inlines(node.children);
    switch (name) {
      case "br":
        return "\\\n";
      case "em":
      case "i":
      case "cite":
        return wrap("*", inner());
      case "strong":
      case "b":
        return wrap("**", inner());
      case "del":
      case "s":
      case "strike":
        return wrap("~~", inner());
      case "code": {
        const code = textOf(node);
        const fence = "`".repeat(longestRun(code, "`") + 1);
        return code ? `${fence}${code.startsWith("`") ? " " : ""}${code}${code.endsWith("`") ? " " : ""}${fence}` : "";
      }
      case "a": {
        const text = inner().trim();
        const href = urlOf(node.attribs.href);
        if (!href) return text;
        const title = node.attribs.title ? ` "${node.attribs.title.replace(/"/g, '\\"')}"` : "";
        return `[${text || escapeText(href)}](${href}${title})`;
      }
      case "img": {
        const src = urlOf(node.attribs.src);
        if (!src) return "";
        return `![${escapeText((node.attribs.alt ?? "").replace(/\s+/g, " ").trim())}](${src})`;
      }
      default:
        return inner();
    }
  }
}

/** Emphasis around text, with the spaces kept outside the marks (where Markdown needs them). */
function wrap(mark: string, text: string): string {
  const match = /^(\s*)([\s\S]*?)(\s*)$/.exec(text)!;
  return match[2] ? `${match[1]}${mark}${match[2]}${mark}${match[3]}` : text;
}

function textOf(node: ChildNode): string {
  if (node.type === "text") return node.data;
  if (!isElement(node)) return "";
  if (node.name === "br") return "\n";
  return node.children.map(textOf).join("");
}

function findCodeClass(el: Element): string {
  const code = el.children.find((c): c is Element => isElement(c) && c.name === "code");
  return code?.attribs.class ?? "";
}

function longestRun(text: string, char: string): number {
  let longest = 0;
  for (const run of text.match(new RegExp(`\\${char}+`, "g")) ?? []) longest = Math.max(longest, run.length);
  return longest;
}

export function htmlToMarkdown(html: string): Converted {
  const document = parseDocument(html.replace(/\u0000/g, ""), { decodeEntities: true });
  const converter = new Converter();
  const markdown = converter
    .blocks(document.children)
    .join("\n\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
  return { markdown, removed: [...converter.removed].sort() };
}
