import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { CommentBody } from "@/components/comments/comment-body";
import { CommentForm } from "@/components/comments/comment-form";
import { authorName } from "@/lib/comments/author-name";
import { getCommentForReply } from "@/lib/comments/queries";
import { quoteMarkdown } from "@/lib/comments/quote";
import { replySubject } from "@/lib/comments/subject";

export const metadata: Metadata = { title: "Reply", robots: { index: false } };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ quote?: string | string[] }> };

// The reply form as a page of its own: where "Reply" and "Quote" lead when JavaScript is off.
export default async function ReplyPage({ params, searchParams }: Props) {
  const found = await getCommentForReply((await params).id);
  if (!found) notFound();
  const { comment, article, allowAnonymous, source } = found;
  const quoting = (await searchParams).quote === "1";
  const articlePath = `/articles/${article.slug}`;
  return (
    <div className="narrow">
      <h1>Reply</h1>
      <p>
        To a comment on <a href={`/comments/${comment.id}`}>{article.title}</a>:
      </p>
      <div className="comment">
        {/* The comment's subject is an <h3>, as in its thread: a heading level is not skipped. */}
        <h2 className="visually-hidden">The comment</h2>
        <CommentBody comment={comment} />
      </div>
      <section id="leave-a-comment" aria-label="Your reply">
        <CommentForm
          articleId={article.id}
          articlePath={articlePath}
          allowAnonymous={allowAnonymous}
          parentId={comment.id} defaultSubject={replySubject(comment.subject)}
          defaultBody={quoting ? quoteMarkdown(source, authorName(comment.author)) : ""}
          focusBody={quoting}
        />
      </section>
    </div>
  );
}
