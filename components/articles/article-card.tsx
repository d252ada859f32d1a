import { IntentLink } from "@/components/ui/intent-link";
import type { ArticleSummary } from "@/lib/articles/types";
import { pluralize } from "@/lib/format";
import { ArticleByline } from "./article-byline";
import { DeptLine } from "./dept-line";
import { FiledUnder } from "./tag-links";

export function ArticleCard({ article }: { article: ArticleSummary }) {
  const href = `/articles/${article.slug}`;
  return (
    <article className="article-card">
      <h2>
        <IntentLink href={href}>{article.title}</IntentLink>
      </h2>
      <ArticleByline author={article.author} publishedAt={article.publishedAt} />
      <DeptLine dept={article.dept} />
      <p className="excerpt">{article.excerpt}</p>
      <div className="card-footer">
        <FiledUnder tags={article.tags} />
        <IntentLink href={`${href}#comments`}>{pluralize(article.commentCount, "Comment")}</IntentLink>
      </div>
    </article>
  );
}

export function ArticleList({ articles }: { articles: ArticleSummary[] }) {
  return (
    <ul className="article-list">
      {articles.map((a) => (
        <li key={a.slug}>
          <ArticleCard article={a} />
        </li>
      ))}
    </ul>
  );
}
