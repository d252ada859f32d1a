import { describe, expect, it } from "vitest";
import { microdataItems } from "../../e2e/microdata";
import { commentProblems, commentsOf, newsArticleProblems } from "../../e2e/structured-data-rules";

const base = "https://dept.example/articles/birdsong";

// The article page's markup, cut down to what carries its schema.org description: the same
// attributes components/articles and components/comments write (the page as served is checked
// by e2e/structured-data.spec.ts).
const page = (comments: string) => `<!doctype html><html><body><main>
<article data-viewer-article="a1" itemscope itemtype="https://schema.org/NewsArticle">
  <meta itemprop="description" content="A recording of a garden was claimed.">
  <link itemprop="image" href="https://dept.example/articles/birdsong/opengraph-image">
  <link itemprop="mainEntityOfPage url" href="https://dept.example/articles/birdsong">
  <meta itemprop="keywords" content="copyright, bots">
  <meta itemprop="commentCount" content="3">
  <span itemprop="publisher" itemscope itemtype="https://schema.org/Organization"><meta itemprop="name" content="Dept"><link itemprop="url" href="https://dept.example/">
    <span itemprop="logo" itemscope itemtype="https://schema.org/ImageObject"><link itemprop="url" href="https://dept.example/apple-icon.png"><meta itemprop="width" content="180"><meta itemprop="height" content="180"></span></span>
  <header><h1 itemprop="headline">Copyright bot takes down birdsong</h1>
    <p class="meta">by <a href="/users/ada" itemprop="author" itemscope itemtype="https://schema.org/Person"><span itemprop="name">Ada Editor</span><link itemprop="url" href="/users/ada"></a>
    · <time dateTime="2026-11-20T10:00:00.000Z" itemprop="datePublished">Nov 20</time> · Updated <time dateTime="2026-11-21T08:30:00.000Z" itemprop="dateModified">Nov 21</time></p></header>
  <div class="article-body"><p>Body</p></div>
  <section id="comments"><ul class="comment-list">${comments}</ul></section>
</article></main></body></html>`;

const memberComment = `<li class="comment" id="comment-c1"><div class="comment__box" itemprop="comment" itemscope itemtype="https://schema.org/Comment">
  <h3 class="comment__subject">Birds</h3>
  <p class="comment__byline"><a class="comment__author" href="/users/bea" itemprop="author" itemscope itemtype="https://schema.org/Person"><span itemprop="name">Bea</span></a>
  <a class="comment__when" href="/comments/c1" itemprop="url"><time dateTime="2026-11-20T11:00:00.000Z" itemprop="dateCreated datePublished">Nov 20</time><span class="visually-hidden"> Permalink</span></a></p>
  <div class="comment__body" itemprop="text"><p>Birds &amp; bots &lt;3</p>
<p>Second line</p></div></div>
  <ul class="comment-list"><li class="comment" id="comment-c2"><div class="comment__box" itemprop="comment" itemscope itemtype="https://schema.org/Comment">
    <p class="comment__byline"><span class="comment__who"><span class="comment__author" itemprop="author" itemscope itemtype="https://schema.org/Person"><span itemprop="name">Anonymous Coward</span></span><span> · x7</span></span>
    <a class="comment__when" href="/comments/c2" itemprop="url"><time dateTime="2026-11-20T12:00:00.000Z" itemprop="dateCreated datePublished">Nov 20</time></a>
    <span class="comment__edited">(edited <time dateTime="2026-11-20T12:05:00.000Z" itemprop="dateModified">Nov 20</time>)</span></p>
    <div class="comment__body" itemprop="text"><p>Quiet</p></div></div></li></ul></li>`;
// A comment hidden by flags keeps its box (behind a warning) but is not described.
const hiddenComment = `<li class="comment" id="comment-c3"><details class="flagged"><summary>Hidden</summary><div class="comment__box"><p class="comment__byline"><a class="comment__author" href="/users/troll">Troll</a></p><div class="comment__body"><p>Flagged words</p></div></div></details></li>`;

describe("microdataItems", () => {
  it("reads the article page's NewsArticle with its comments, as Google's rules want them", () => {
    const items = microdataItems(page(memberComment + hiddenComment), base);
    expect(items).toHaveLength(1);
    const [article] = items;
    expect(newsArticleProblems(article)).toEqual([]);
    expect(article).toMatchObject({
      "@context": "https://schema.org",
      "@type": "NewsArticle",
      headline: "Copyright bot takes down birdsong",
      // One element can carry several properties.
      mainEntityOfPage: "https://dept.example/articles/birdsong",
      url: "https://dept.example/articles/birdsong",
      commentCount: "3",
      author: { "@type": "Person", name: "Ada Editor", url: "https://dept.example/users/ada" },
      publisher: { "@type": "Organization", name: "Dept", url: "https://dept.example/", logo: { "@type": "ImageObject", url: "https://dept.example/apple-icon.png", width: "180", height: "180" } },
    });
  });

  it("gives each comment its own author, dates and words, and a reply is not folded into its parent", () => {
    const [article] = microdataItems(page(memberComment + hiddenComment), base);
    const comments = commentsOf(article) as Record<string, unknown>[];
    expect(comments.map((c) => c.url)).toEqual(["https://dept.example/comments/c1", "https://dept.example/comments/c2"]);
    expect(comments[0]).toEqual({
      "@type": "Comment",
      // The profile link's href is not the Person's: only an itemprop names a property.
      author: { "@type": "Person", name: "Bea" },
      url: "https://dept.example/comments/c1",
      dateCreated: "2026-11-20T11:00:00.000Z",
      datePublished: "2026-11-20T11:00:00.000Z",
      text: "Birds & bots <3\nSecond line",
    });
    // The Person's name is the person's, not the comment's; the reply's properties are its own.
    expect(comments[1]).toMatchObject({ author: { "@type": "Person", name: "Anonymous Coward" }, dateModified: "2026-11-20T12:05:00.000Z", text: "Quiet" });
    expect(JSON.stringify(article)).not.toContain("Flagged words");
  });

  it("reads a lone comment as one item, and a page without comments as none", () => {
    const one = microdataItems(page(hiddenComment.replace('<div class="comment__box">', '<div class="comment__box" itemprop="comment" itemscope itemtype="https://schema.org/Comment">')), base)[0];
    expect(commentsOf(one)).toHaveLength(1);
    const none = microdataItems(page(""), base)[0];
    expect(commentsOf(none)).toEqual([]);
    expect(newsArticleProblems(none)).toEqual([]);
  });
});

describe("the structured-data rules", () => {
  it("catch what search engines would reject or ignore", () => {
    const [good] = microdataItems(page(memberComment), base);
    expect(newsArticleProblems(good)).toEqual([]);
    const problems = newsArticleProblems({ ...good, image: "/relative.png", datePublished: "20 Nov 2026", publisher: { "@type": "Organization", name: "Dept" }, datecreated: "x", commentCount: "many" });
    expect(problems).toEqual(
      expect.arrayContaining([
        "image must be one or more absolute URLs",
        'NewsArticle: datePublished must be an ISO 8601 date-time with a time zone (got "20 Nov 2026")',
        "publisher.logo: must be an ImageObject",
        'NewsArticle: "datecreated" is not a schema.org property of NewsArticle',
        "commentCount must be a whole number",
      ]),
    );
    expect(commentProblems({ "@type": "Comment", author: { "@type": "Person" }, datePublished: "2026-11-20T11:00:00", text: "<p>hi</p>" }, "c")).toEqual([
      "c.author: needs a name",
      'c: datePublished must be an ISO 8601 date-time with a time zone (got "2026-11-20T11:00:00")',
      "c: url must be the comment's absolute address",
      "c: text carries markup",
    ]);
    // A comment whose words were left out, or an item of a type the site never writes.
    expect(newsArticleProblems({ ...good, comment: { ...(commentsOf(good)[0] as object), text: " " } })).toEqual(["comment[0]: needs its text"]);
    expect(newsArticleProblems({ ...good, comment: [{ "@type": "Review" }] })).toEqual(["comment[0]: must be a Comment"]);
  });
});
