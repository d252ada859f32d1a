import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CommentBody } from "@/components/comments/comment-body";
import { CommentForm } from "@/components/comments/comment-form";
import { getCommentForReply } from "@/lib/comments/queries";
import { replySubject } from "@/lib/comments/subject";

export const metadata: Metadata = { title: "Reply", robots: { index: false } };

// The reply form as a page of its own: where "Reply" leads when JavaScript is off.
export default async function ReplyPage({ params }: { params: Promise<{ id: string }> }) {
  const found = await getCommentForReply((await params).id);
  if (!found) notFound();
  const { comment, article, allowAnonymous } = found;
  const articlePath = `/articles/${article.slug}`;
  return (
    <div className="narrow">
      <h1>Reply</h1>
      <p>
        To a comment on <Link href={`${articlePath}#comment-${comment.id}`}>{article.title}</Link>:
      </p>
      <div className="comment">
        <CommentBody comment={comment} />
      </div>
      <section id="leave-a-comment" aria-label="Your reply">
        <CommentForm articleId={article.id} articlePath={articlePath} allowAnonymous={allowAnonymous} parentId={comment.id} defaultSubject={replySubject(comment.subject)} updateInPlace={false} />
      </section>
    </div>
  );
}
