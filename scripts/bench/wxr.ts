// A WordPress export (WXR 1.2) of any size, written as a stream: `posts` posts with
// `commentsPerPost` comments each, threads up to six deep, a few pending, spam and trashed
// comments, and registered commenters among the anonymous ones. The same arguments always give
// the same file (a seeded generator), so runs can be compared. For the import benchmark
// (scripts/bench/imports.ts) and the test that kills an import half-way.
import { once } from "node:events";
import type { Writable } from "node:stream";

const WORDS = "ledger weir council budget fund levy river bridge library pool tolls audit rate clerk motion minutes quorum tender grant road".split(" ");
const NAMES = ["Marit", "Jonah", "Ida", "Per", "Rae", "Sol", "Nell", "Mo", "Birgit", "Ola"];

function seeded(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n: number) => String(n).padStart(2, "0");
const wpTime = (ms: number) => {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
};

export type WxrShape = { posts: number; commentsPerPost: number; seed?: number };

/** The header, up to and including the authors and terms. */
export function wxrHead(): string {
  return `<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wfw="http://wellformedweb.org/CommentAPI/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
<title>Generated Ledger</title>
<link>https://generated.example</link>
<pubDate>Mon, 01 Jan 2024 00:00:00 +0000</pubDate>
<wp:wxr_version>1.2</wp:wxr_version>
<wp:base_site_url>https://generated.example</wp:base_site_url>
<wp:base_blog_url>https://generated.example</wp:base_blog_url>
${[1, 2, 3]
  .map((n) => `<wp:author><wp:author_id>${n}</wp:author_id><wp:author_login><![CDATA[writer${n}]]></wp:author_login><wp:author_email><![CDATA[writer${n}@generated.example]]></wp:author_email><wp:author_display_name><![CDATA[Writer ${n}]]></wp:author_display_name><wp:author_first_name><![CDATA[]]></wp:author_first_name><wp:author_last_name><![CDATA[]]></wp:author_last_name></wp:author>`)
  .join("\n")}
<wp:category><wp:term_id>10</wp:term_id><wp:category_nicename><![CDATA[budgets]]></wp:category_nicename><wp:category_parent><![CDATA[]]></wp:category_parent><wp:cat_name><![CDATA[Budgets]]></wp:cat_name></wp:category>
`;
}

/** One post with its comments, as WordPress writes an <item>. */
export function wxrItem(post: number, { commentsPerPost, seed = 22 }: WxrShape): string {
  const random = seeded(seed * 1_000_003 + post);
  const sentence = (words: number) => Array.from({ length: words }, () => WORDS[Math.floor(random() * WORDS.length)]).join(" ");
  const published = Date.UTC(2020, 0, 1) + post * 3_600_000;
  const comments: string[] = [];
  const depths: number[] = [];
  for (let c = 0; c < commentsPerPost; c++) {
    const id = post * commentsPerPost + c + 1;
    const replyTo = c > 0 && random() < 0.5 ? Math.floor(random() * c) : -1;
    const depth = replyTo >= 0 && depths[replyTo] < 5 ? depths[replyTo] + 1 : 0;
    depths.push(depth);
    const parent = depth > 0 ? post * commentsPerPost + replyTo + 1 : 0;
    const roll = random();
    const approved = roll < 0.9 ? "1" : roll < 0.95 ? "0" : roll < 0.98 ? "spam" : "trash";
    const registered = random() < 0.1 ? 1 + Math.floor(random() * 3) : 0;
    const name = registered ? `Writer ${registered}` : NAMES[Math.floor(random() * NAMES.length)];
    const email = registered ? `writer${registered}@generated.example` : `${name.toLowerCase()}${Math.floor(random() * 50)}@example.net`;
    const body = `<p>${sentence(8 + Math.floor(random() * 20))}.</p>${random() < 0.3 ? `<p>See <a href="https://generated.example/${id}">this</a>, <em>${sentence(3)}</em>.</p>` : ""}`;
    comments.push(`<wp:comment><wp:comment_id>${id}</wp:comment_id><wp:comment_author><![CDATA[${name}]]></wp:comment_author><wp:comment_author_email><![CDATA[${email}]]></wp:comment_author_email><wp:comment_author_url></wp:comment_author_url><wp:comment_author_IP><![CDATA[198.51.100.${c % 250}]]></wp:comment_author_IP><wp:comment_date><![CDATA[${wpTime(published + (c + 1) * 60_000)}]]></wp:comment_date><wp:comment_date_gmt><![CDATA[${wpTime(published + (c + 1) * 60_000)}]]></wp:comment_date_gmt><wp:comment_content><![CDATA[${body}]]></wp:comment_content><wp:comment_approved><![CDATA[${approved}]]></wp:comment_approved><wp:comment_type><![CDATA[comment]]></wp:comment_type><wp:comment_parent>${parent}</wp:comment_parent><wp:comment_user_id>${registered}</wp:comment_user_id></wp:comment>`);
  }
  return `<item><title><![CDATA[Post ${post + 1}: ${sentence(4)}]]></title><link>https://generated.example/${new Date(published).getUTCFullYear()}/post-${post + 1}/</link><pubDate>${new Date(published).toUTCString()}</pubDate><dc:creator><![CDATA[writer${1 + (post % 3)}]]></dc:creator><guid isPermaLink="false">https://generated.example/?p=${post + 1}</guid><description></description><content:encoded><![CDATA[<p>${sentence(60)}.</p><ul><li>${sentence(5)}</li><li>${sentence(5)}</li></ul><blockquote><p>${sentence(12)}</p></blockquote>]]></content:encoded><excerpt:encoded><![CDATA[]]></excerpt:encoded><wp:post_id>${post + 1}</wp:post_id><wp:post_date><![CDATA[${wpTime(published)}]]></wp:post_date><wp:post_date_gmt><![CDATA[${wpTime(published)}]]></wp:post_date_gmt><wp:post_modified_gmt><![CDATA[${wpTime(published)}]]></wp:post_modified_gmt><wp:post_name><![CDATA[post-${post + 1}]]></wp:post_name><wp:status><![CDATA[publish]]></wp:status><wp:post_type><![CDATA[post]]></wp:post_type><wp:post_password><![CDATA[]]></wp:post_password><category domain="category" nicename="budgets"><![CDATA[Budgets]]></category>
${comments.join("\n")}
</item>
`;
}

export const WXR_TAIL = "</channel>\n</rss>\n";

/** Writes the whole file to `out` (not closed), a post at a time. */
export async function writeWxr(out: Writable, shape: WxrShape): Promise<void> {
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, "drain");
  };
  await write(wxrHead());
  for (let post = 0; post < shape.posts; post++) await write(wxrItem(post, shape));
  await write(WXR_TAIL);
}
