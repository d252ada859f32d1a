// What article pages and lists receive: plain, serializable objects (no Prisma rows).
export type TagRef = { slug: string; name: string };
export type AuthorRef = { handle: string; name: string };

export type ArticleSummary = {
  slug: string;
  title: string;
  dept: string;
  excerpt: string;
  publishedAt: string; // ISO
  author: AuthorRef;
  tags: TagRef[];
  commentCount: number;
};

export type ArticleDetail = ArticleSummary & {
  id: string;
  bodyHtml: string;
  revisedAt: string | null;
};
