import { describe, expect, it } from "vitest";
import type { ArticleDetail } from "@/lib/articles/types";
import type { CommentView } from "@/lib/comments/types";
import { articleJsonLd, htmlToText } from "@/lib/seo/article-json-ld";
import { commentProblems, newsArticleProblems } from "../../e2e/structured-data-rules";

const siteUrl = "https://dept.example";
const article: ArticleDetail = {
  id: "a1",
  slug: "birdsong",
  title: "Copyright bot takes down birdsong",
  dept: "tweet-tweet",
  excerpt: "A recording of a garden was claimed.",
  publishedAt: "2026-11-20T10:00:00.000Z",
  revisedAt: "2026-11-21T08:30:00.000Z",
  author: { handle: "ada", name: "Ada Editor" },
  tags: [{ slug: "copyright", name: "copyright" }],
  commentCount: 4,
  bodyHtml: "<p>Body</p>",
};

const base = { parentId: null, depth: 0, subject: "", editedAt: null, badges: { insightful: false, funny: false } };
const comments: CommentView[] = [
  { ...base, id: "c1", createdAt: "2026-11-20T11:00:00.000Z", bodyHtml: "<p>Birds &amp; bots &lt;3</p><p>Second&nbsp;line</p>", author: { kind: "member", handle: "bea", name: "Bea" }, state: "visible" },
  { ...base, id: "c2", createdAt: "2026-11-20T12:00:00.000Z", editedAt: "2026-11-20T12:05:00.000Z", bodyHtml: "<p>Quiet</p>", author: { kind: "anonymous", name: "Anonymous Coward", tag: "x7", website: null }, state: "visible" },
  { ...base, id: "c3", createdAt: "2026-11-20T13:00:00.000Z", bodyHtml: "<p>Flagged words</p>", author: { kind: "member", handle: "troll", name: "Troll" }, state: "hidden", hidden: { by: "community", reasons: { abusive: 3, trolling: 0, spam: 0 } } },
  { ...base, id: "c4", createdAt: "2026-11-20T14:00:00.000Z", bodyHtml: "", author: { kind: "deleted" }, state: "tombstone", tombstoneText: "This comment was removed by a moderator: spam" },
];

const build = (list = comments) =>
  articleJsonLd({ article, comments: list, siteUrl, siteName: "Dept", imageUrl: `${siteUrl}/articles/birdsong/opengraph-image`, logo: { url: `${siteUrl}/apple-icon.png`, width: 180, height: 180 } });

describe("articleJsonLd", () => {
  it("passes the Article and Comment rules Google documents, with schema.org properties only", () => {
    expect(newsArticleProblems(build())).toEqual([]);
    expect(newsArticleProblems(build([]))).toEqual([]);
  });

  it("gives the article its preview image and the publisher its logo", () => {
    const data = build();
    expect(data.image).toEqual([`${siteUrl}/articles/birdsong/opengraph-image`]);
    expect(data.publisher).toEqual({ "@type": "Organization", name: "Dept", url: `${siteUrl}/`, logo: { "@type": "ImageObject", url: `${siteUrl}/apple-icon.png`, width: 180, height: 180 } });
    expect(data.dateModified).toBe(article.revisedAt);
  });

  it("describes visible comments only: never a hidden comment's text, nor a removed one", () => {
    const data = build();
    expect(data.comment.map((c) => c.url)).toEqual([`${siteUrl}/comments/c1`, `${siteUrl}/comments/c2`]);
    const json = JSON.stringify(data);
    expect(json).not.toContain("Flagged words");
    expect(json).not.toContain("spam");
  });

  it("names each comment's author, when and where it was written, and its words as plain text", () => {
    const [member, anonymous] = build().comment;
    expect(member).toEqual({
      "@type": "Comment",
      url: `${siteUrl}/comments/c1`,
      author: { "@type": "Person", name: "Bea", url: `${siteUrl}/users/bea` },
      dateCreated: "2026-11-20T11:00:00.000Z",
      datePublished: "2026-11-20T11:00:00.000Z",
      text: "Birds & bots <3 Second line",
    });
    expect(anonymous.author).toEqual({ "@type": "Person", name: "Anonymous Coward · x7" });
    expect(anonymous.dateModified).toBe("2026-11-20T12:05:00.000Z");
  });
});

describe("the structured-data rules", () => {
  it("catch what search engines would reject or ignore", () => {
    const good = build();
    const problems = newsArticleProblems({ ...good, image: "/relative.png", datePublished: "20 Nov 2026", publisher: { "@type": "Organization", name: "Dept" }, datecreated: "x" });
    expect(problems).toEqual(
      expect.arrayContaining([
        "image must be one or more absolute URLs",
        'NewsArticle: datePublished must be an ISO 8601 date-time with a time zone (got "20 Nov 2026")',
        "publisher.logo: must be an ImageObject",
        'NewsArticle: "datecreated" is not a schema.org property of NewsArticle',
      ]),
    );
    expect(commentProblems({ "@type": "Comment", author: { "@type": "Person" }, datePublished: "2026-11-20T11:00:00", text: "<p>hi</p>" }, "c")).toEqual([
      "c.author: needs a name",
      'c: datePublished must be an ISO 8601 date-time with a time zone (got "2026-11-20T11:00:00")',
      "c: url must be the comment's absolute address",
      "c: text carries markup",
    ]);
  });
});

describe("htmlToText", () => {
  it("keeps the words between blocks apart and decodes what the sanitizer escaped", () => {
    expect(htmlToText("<blockquote><p>quoted</p></blockquote><p>a&nbsp;&quot;b&quot; &#39;c&#39;</p><ul><li>one</li><li>two</li></ul>")).toBe(`quoted a "b" 'c' one two`);
  });
});
