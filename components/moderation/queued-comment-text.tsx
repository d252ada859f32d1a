/** What a comment under review says, as the moderation pages show it. */
export function QueuedCommentText({ subject, bodyHtml }: { subject: string; bodyHtml: string }) {
  return (
    <div className="comment__box">
      {subject ? <p className="comment__subject">{subject}</p> : null}
      {/* bodyHtml comes from lib/markdown/render.ts, which sanitizes with an allow-list. */}
      <div className="comment__body" dangerouslySetInnerHTML={{ __html: bodyHtml }} />
    </div>
  );
}
