// Reads a WordPress eXtended RSS file (WXR 1.2, what Tools → Export and `wp export` write) as a
// stream of records: the site, its authors, its categories and tags, then each item (post, page,
// attachment…) with its comments. One item at a time is held in memory, so a file of any size is
// read in bounded memory. Element names are matched with WordPress's own prefixes (wp:, content:,
// excerpt:, dc:), which every WXR file uses.
import { createReadStream } from "node:fs";
import { SaxesParser, type SaxesTag } from "saxes";

export type WxrSite = { kind: "site"; link: string; baseSiteUrl: string; baseBlogUrl: string; wxrVersion: string; pubDate: string };
export type WxrAuthor = { kind: "author"; id: string; login: string; email: string; displayName: string; firstName: string; lastName: string };
export type WxrTerm = { kind: "term"; taxonomy: "category" | "post_tag"; id: string; slug: string; name: string; parent: string };
export type WxrComment = {
  id: string; author: string; authorEmail: string; authorUrl: string; authorIp: string; dateGmt: string; date: string;
  content: string; approved: string; type: string; parent: string; userId: string;
};
export type WxrItem = {
  kind: "item"; line: number; title: string; link: string; guid: string; creator: string; content: string; excerpt: string;
  postId: string; postDate: string; postDateGmt: string; modifiedGmt: string; name: string; status: string; type: string;
  password: string; terms: { taxonomy: string; slug: string; name: string }[]; comments: WxrComment[];
};
export type WxrRecord = WxrSite | WxrAuthor | WxrTerm | WxrItem;

const ITEM_FIELDS: Record<string, keyof WxrItem> = {
  title: "title", link: "link", guid: "guid", "dc:creator": "creator", "content:encoded": "content", "excerpt:encoded": "excerpt",
  "wp:post_id": "postId", "wp:post_date": "postDate", "wp:post_date_gmt": "postDateGmt", "wp:post_modified_gmt": "modifiedGmt",
  "wp:post_name": "name", "wp:status": "status", "wp:post_type": "type", "wp:post_password": "password",
};
const COMMENT_FIELDS: Record<string, keyof WxrComment> = {
  "wp:comment_id": "id", "wp:comment_author": "author", "wp:comment_author_email": "authorEmail", "wp:comment_author_url": "authorUrl",
  "wp:comment_author_IP": "authorIp", "wp:comment_date_gmt": "dateGmt", "wp:comment_date": "date", "wp:comment_content": "content",
  "wp:comment_approved": "approved", "wp:comment_type": "type", "wp:comment_parent": "parent", "wp:comment_user_id": "userId",
};
const AUTHOR_FIELDS: Record<string, keyof WxrAuthor> = {
  "wp:author_id": "id", "wp:author_login": "login", "wp:author_email": "email", "wp:author_display_name": "displayName",
  "wp:author_first_name": "firstName", "wp:author_last_name": "lastName",
};
const TERM_FIELDS: Record<string, keyof WxrTerm> = {
  "wp:term_id": "id", "wp:category_nicename": "slug", "wp:tag_slug": "slug", "wp:cat_name": "name", "wp:tag_name": "name", "wp:category_parent": "parent",
};

export class WxrError extends Error {}

const attribute = (tag: SaxesTag, name: string): string => {
  const value = (tag.attributes as Record<string, unknown>)[name];
  return typeof value === "string" ? value : "";
};

const emptyItem = (line: number): WxrItem => ({
  kind: "item", line, title: "", link: "", guid: "", creator: "", content: "", excerpt: "", postId: "", postDate: "", postDateGmt: "",
  modifiedGmt: "", name: "", status: "", type: "", password: "", terms: [], comments: [],
});
const emptyComment = (): WxrComment => ({ id: "", author: "", authorEmail: "", authorUrl: "", authorIp: "", dateGmt: "", date: "", content: "", approved: "", type: "", parent: "", userId: "" });

/** The file's records in order; `onBytes` is told how far through the file the reader is. */
export async function* readWxr(path: string, onBytes?: (bytes: number) => void): AsyncGenerator<WxrRecord> {
  const parser = new SaxesParser({ position: true });
  const ready: WxrRecord[] = [];
  const stack: string[] = [];
  let text = "";
  let site: WxrSite | undefined;
  let item: WxrItem | undefined;
  let comment: WxrComment | undefined;
  let author: WxrAuthor | undefined;
  let term: WxrTerm | undefined;
  let category: { taxonomy: string; slug: string } | undefined;
  let sawRss = false;

  parser.on("opentag", (tag: SaxesTag) => {
    const name = tag.name;
    stack.push(name);
    text = "";
    if (name === "rss") sawRss = true;
    else if (name === "channel") site = { kind: "site", link: "", baseSiteUrl: "", baseBlogUrl: "", wxrVersion: "", pubDate: "" };
    else if (name === "item") item = emptyItem(parser.line);
    else if (name === "wp:comment" && item) comment = emptyComment();
    else if (name === "wp:author" && !item) author = { kind: "author", id: "", login: "", email: "", displayName: "", firstName: "", lastName: "" };
    else if ((name === "wp:category" || name === "wp:tag") && !item) term = { kind: "term", taxonomy: name === "wp:tag" ? "post_tag" : "category", id: "", slug: "", name: "", parent: "" };
    else if (name === "category" && item) category = { taxonomy: attribute(tag, "domain"), slug: attribute(tag, "nicename") };
  });
  parser.on("text", (t) => (text += t));
  parser.on("cdata", (t) => (text += t));
  parser.on("closetag", (tag) => {
    const name = tag.name;
    const parent = stack[stack.length - 2];
    stack.pop();
    const value = text.trim();
    if (comment) {
      if (name === "wp:comment") {
        item!.comments.push(comment);
        comment = undefined;
      } else if (parent === "wp:comment" && name in COMMENT_FIELDS) comment[COMMENT_FIELDS[name]] = name === "wp:comment_content" ? text : value;
    } else if (item) {
      if (name === "item") {
        ready.push(item);
        item = undefined;
      } else if (name === "category" && category) {
        item.terms.push({ ...category, name: value });
        category = undefined;
      } else if (parent === "item" && name in ITEM_FIELDS) (item as Record<string, unknown>)[ITEM_FIELDS[name]] = name === "content:encoded" || name === "excerpt:encoded" ? text : value;
    } else if (author) {
      if (name === "wp:author") {
        ready.push(author);
        author = undefined;
      } else if (name in AUTHOR_FIELDS) (author as Record<string, string>)[AUTHOR_FIELDS[name]] = value;
    } else if (term) {
      if (name === "wp:category" || name === "wp:tag") {
        ready.push(term);
        term = undefined;
      } else if (name in TERM_FIELDS) (term as Record<string, string>)[TERM_FIELDS[name]] = value;
    } else if (site && parent === "channel") {
      if (name === "link") site.link = value;
      else if (name === "pubDate") site.pubDate = value;
      else if (name === "wp:base_site_url") site.baseSiteUrl = value;
      else if (name === "wp:base_blog_url") site.baseBlogUrl = value;
      else if (name === "wp:wxr_version") {
        site.wxrVersion = value;
      }
    }
    text = "";
  });

  let siteSent = false;
  let bytes = 0;
  for await (const chunk of createReadStream(path, { encoding: "utf8", highWaterMark: 256 * 1024 })) {
    try {
      parser.write(chunk as string);
    } catch (error) {
      throw new WxrError(`${path} is not well-formed XML: ${(error as Error).message}`);
    }
    bytes += Buffer.byteLength(chunk as string);
    onBytes?.(bytes);
    if (!siteSent && site && ready.length > 0) {
      if (!sawRss || !site.wxrVersion) throw new WxrError(`${path} is not a WordPress export (no <wp:wxr_version> in its channel).`);
      siteSent = true;
      yield site;
    }
    while (ready.length > 0) yield ready.shift()!;
  }
  try {
    parser.close();
  } catch (error) {
    throw new WxrError(`${path} is not well-formed XML: ${(error as Error).message}`);
  }
  if (!siteSent) {
    if (!sawRss || !site?.wxrVersion) throw new WxrError(`${path} is not a WordPress export (no <wp:wxr_version> in its channel).`);
    yield site;
  }
  while (ready.length > 0) yield ready.shift()!;
}
