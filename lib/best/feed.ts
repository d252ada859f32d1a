import { authorName } from "../comments/author-name";
import { env } from "../env";
import { buildRss, type RssItem } from "../feeds/rss";
import { getBestOfWeek, type BestComment, type BestKind } from "./queries";
import { weekHref } from "./schemas";
import { formatWeek, formatWeekRange, type IsoWeek } from "./weeks";

const labels: Record<BestKind, string> = { insightful: "Most insightful", funny: "Funniest" };

/** A week's best as RSS: the insightful list, then the funny one, each item linking to its comment. */
export async function buildBestFeed(week: IsoWeek): Promise<string> {
  const { siteUrl, SITE_NAME } = env();
  const best = await getBestOfWeek(week);
  const item =
    (kind: BestKind) =>
    (c: BestComment, index: number): RssItem => ({
      title: `${labels[kind]} #${index + 1}: ${c.subject || `Comment by ${authorName(c.author)}`} (on ${c.article.title})`,
      link: `${siteUrl}${c.permalink}`,
      // A comment can be in both lists, and "/best" means another week next Monday: the guid
      // names this entry on this week's page, which stays unique and stable.
      guid: `${siteUrl}/best?week=${formatWeek(week)}#${kind}-${c.id}`,
      pubDate: c.createdAt,
      author: authorName(c.author),
      descriptionHtml: c.bodyHtml,
    });
  return buildRss({
    title: `${SITE_NAME}: Best of the week`,
    link: `${siteUrl}${weekHref(week)}`,
    selfLink: `${siteUrl}${weekHref(week, "/best/feed.xml")}`,
    description: `The most insightful and the funniest comments of ${formatWeekRange(week)} on ${SITE_NAME}`,
    items: [...best.insightful.map(item("insightful")), ...best.funny.map(item("funny"))],
  });
}
