/** The rendered preview a comment form shows after "Preview" (html from lib/markdown, sanitized). */
export function CommentPreview({ html, heading: H }: { html: string; heading: "h2" | "h3" }) {
  return (
    <section className="comment-preview" aria-label="Preview">
      <H>Preview</H>
      <div className="comment__body" dangerouslySetInnerHTML={{ __html: html }} />
    </section>
  );
}
