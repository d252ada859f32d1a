import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { DeleteCommentForm, EditCommentForm } from "@/components/comments/edit-comment-form";
import { getViewer } from "@/lib/auth/viewer";
import { getCommentForEdit } from "@/lib/comments/edit-queries";
import { editWindowWording } from "@/lib/comments/edit-window";

export const metadata: Metadata = { title: "Edit comment", robots: { index: false } };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ delete?: string | string[] }> };

export default async function EditCommentPage({ params, searchParams }: Props) {
  const { id } = await params;
  const viewer = await getViewer();
  if (!viewer) redirect(`/signin?callbackUrl=${encodeURIComponent(`/comments/${id}/edit`)}`);
  const comment = await getCommentForEdit(viewer, id);
  if (!comment) notFound();
  const { canEdit, canDelete } = comment;
  // The permalink: it finds the page of a long discussion that shows the comment.
  const back = `/comments/${comment.id}`;
  const timeLeft = comment.editMsLeft === null ? null : editWindowWording(comment.editMsLeft);
  return (
    <div className="narrow">
      <h1>Edit comment</h1>
      <p>
        {comment.articleTitle === null ? (
          "On an article that is not published at the moment."
        ) : (
          <>
            On <a href={back}>{comment.articleTitle}</a>
          </>
        )}
      </p>
      {canEdit ? (
        <>
          {timeLeft ? <p className="edit-window">{timeLeft}</p> : null}
          <EditCommentForm commentId={comment.id} subject={comment.subject} body={comment.body} cancelHref={back} />
        </>
      ) : (
        <p>{canDelete ? "Comments can be edited for 15 minutes after posting; this one can no longer be changed." : "You can only edit your own comments."}</p>
      )}
      {canDelete ? <DeleteCommentForm commentId={comment.id} editHref={`/comments/${comment.id}/edit`} confirming={(await searchParams).delete === "1"} /> : null}
    </div>
  );
}
