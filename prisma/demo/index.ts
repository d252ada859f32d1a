// Dept's demo content: invented people, invented stories, invented arguments in the comments.
// Everything here is plain data; prisma/seed.ts turns it into rows (ids, times, votes, flags).
import { articlesPartOne } from "./articles-1";
import { articlesPartTwo } from "./articles-2";
import { articlesPartThree } from "./articles-3";
import { demoUsers } from "./authors";
import { flagshipComments, flagshipCreditGrants, flagshipSpotlights } from "./flagship-comments";

export type DemoRole = "reader" | "author" | "moderator" | "admin";

export type DemoUser = {
  handle: string;
  name: string;
  email: string;
  role: DemoRole;
  bio: string;
  /** How long ago the account was created, in days. */
  joinedDaysAgo: number;
};

export type DemoTag = { slug: string; name: string };

export type DemoFlag = {
  /** Handle of the member who flagged; absent for an anonymous visitor. */
  member?: string;
  reason: "abusive" | "trolling" | "spam";
};

export type DemoComment = {
  /** Unique within its article; replies name their parent by it. */
  key: string;
  parent?: string;
  /** Member handle; absent for an anonymous poster. */
  author?: string;
  /** Anonymous posters only: absent → shown as "Anonymous Coward". */
  anonName?: string;
  /** Anonymous posters only (never shown); defaults to anon-<key>@example.net. */
  anonEmail?: string;
  /** Absent on a reply → "Re: <parent subject>"; absent on a top-level comment → no subject. */
  subject?: string;
  /** Markdown. */
  body: string;
  /** Minutes after the article was published. */
  minutes: number;
  insightful?: number;
  funny?: number;
  flags?: DemoFlag[];
  /** Hidden by community flags (needs flags weighing at least the threshold). */
  hidden?: boolean;
};

export type DemoArticle = {
  slug: string;
  title: string;
  /** The words in "from the ___ dept". */
  dept: string;
  /** Author handle. */
  author: string;
  /** Tag slugs. */
  tags: string[];
  /** Hours before seeding time; null for a draft. */
  hoursAgo: number | null;
  /** Hours after publication at which the article was last revised ("Updated"). */
  revisedHoursAfter?: number;
  /** Markdown. */
  body: string;
  comments: DemoComment[];
};

export type DemoCreditGrant = { handle: string; delta: number; reason: string; actor: string; daysAgo: number };

export type DemoSpotlight = {
  kind: "first" | "last";
  /** Key of a comment on the flagship article. */
  comment: string;
  /** Handle of the member who pays. */
  by: string;
  cost: number;
};

export const FLAGSHIP_SLUG = "copyright-bot-takes-down-birdsong-recording";

export const demoTags: DemoTag[] = [
  { slug: "copyright", name: "copyright" },
  { slug: "dmca", name: "dmca" },
  { slug: "content-moderation", name: "content moderation" },
  { slug: "algorithms", name: "algorithms" },
  { slug: "drm", name: "drm" },
  { slug: "right-to-repair", name: "right to repair" },
  { slug: "antitrust", name: "antitrust" },
  { slug: "privacy", name: "privacy" },
  { slug: "surveillance", name: "surveillance" },
  { slug: "transportation", name: "transportation" },
  { slug: "broadband-maps", name: "broadband maps" },
  { slug: "telecom", name: "telecom" },
  { slug: "patents", name: "patents" },
  { slug: "software", name: "software" },
  { slug: "education", name: "education" },
  { slug: "trademarks", name: "trademarks" },
  { slug: "free-speech", name: "free speech" },
  { slug: "public-records", name: "public records" },
];

export { demoUsers };

/** Newest first; the one draft comes last. The flagship carries its long discussion. */
export const demoArticles: DemoArticle[] = [...articlesPartOne, ...articlesPartTwo, ...articlesPartThree].map((article) =>
  article.slug === FLAGSHIP_SLUG ? { ...article, comments: flagshipComments } : article,
);

export const demoCreditGrants: DemoCreditGrant[] = flagshipCreditGrants;
export const demoSpotlights: DemoSpotlight[] = flagshipSpotlights;
