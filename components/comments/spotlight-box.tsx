import { IntentLink } from "@/components/ui/intent-link";
import type { CommentView, SpotlightView } from "@/lib/comments/types";
import { claimedNoticeId } from "@/lib/spotlights/claim-notice";
import { CommentBody } from "./comment-body";

/** `onThisPage`: whether the comment's place in the thread is on the page shown (long discussions are paged). */
export function SpotlightBox({ spotlight, comment, onThisPage }: { spotlight: SpotlightView; comment: CommentView; onThisPage: boolean }) {
  const label = spotlight.kind === "first" ? "First Word" : "Last Word";
  return (
    <section className="spotlight" id={`${spotlight.kind}-word`} aria-label={label}>
      {/* Shown only when a claim made without JavaScript lands here (CSS :target); with it, the
          page's script says so, with the credits spent (lib/spotlights/claim-notice.ts). */}
      <p id={claimedNoticeId(spotlight.kind)} className="flash-notice" role="status" tabIndex={-1}>
        Done: this comment is now the {label}.
      </p>
      <h3>{label}</h3>
      <p className="spotlight__by">
        Made the {label} by <IntentLink href={`/users/${spotlight.byHandle}`}>{spotlight.byName}</IntentLink> ·{" "}
        <a href={onThisPage ? `#comment-${comment.id}` : `/comments/${comment.id}`}>See it in the thread</a>
      </p>
      <div className="comment">
        <CommentBody comment={comment} heading="h4" />
      </div>
    </section>
  );
}
