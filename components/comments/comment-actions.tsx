"use client";

import { useEffect, useRef, useSyncExternalStore, type KeyboardEvent } from "react";
import { useViewer } from "@/components/auth/use-viewer";
import { claimNoticeText, takeSpotlightClaim } from "@/lib/spotlights/claim-notice";
import type { SpotlightOffer } from "@/lib/spotlights/schemas";
import { CommentOptions } from "./comment-options";
import { FollowButton } from "@/components/follows/follow-button";
import { useJustPostedComments } from "./own-comments";
import { RatingControls } from "./rating-controls";
import type { RatingState } from "@/lib/ratings/state";
import { ReplyButtons, ReplyForm, useReply, type ReplyContext } from "./reply-control";

const noSubscribe = () => () => {};

type Props = {
  commentId: string;
  subject: string;
  authorName: string;
  context: ReplyContext;
  offer: SpotlightOffer;
  /** A published comment: one hidden or removed can be rated (or unflagged) but not answered. */
  visible: boolean;
  /** This reader's ratings, where the page was rendered for them alone (see CommentThread). */
  rating?: RatingState;
};

/** The line's own controls (not those inside an open menu), in order. */
const items = (line: HTMLElement) => [...line.querySelectorAll<HTMLElement>("[data-action]")].filter((el) => !el.closest(".menu__panel"));

/**
 * One toolbar: a single Tab stop whose place is remembered, arrows (and Home/End) move along it.
 * Without JavaScript every control is a Tab stop of its own.
 */
function rove(line: HTMLElement, current?: HTMLElement) {
  const all = items(line);
  const keep = current && all.includes(current) ? current : (all.find((el) => el.tabIndex === 0) ?? all[0]);
  for (const el of all) el.tabIndex = el === keep ? 0 : -1;
}

function moveFocus(line: HTMLElement, event: KeyboardEvent<HTMLElement>) {
  const all = items(line);
  const at = all.indexOf(event.target as HTMLElement);
  if (at < 0) return;
  const next = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: all.length - 1 }[event.key];
  if (next === undefined) return;
  event.preventDefault();
  const target = all[(next + all.length) % all.length];
  rove(line, target);
  target.focus();
}

/** The "done" message of a spotlight claim just made in this tab, put next to the spotlight once. */
function useClaimNotice() {
  useEffect(() => {
    const claim = takeSpotlightClaim();
    const spot = claim && document.getElementById(`${claim.kind}-word`);
    if (!claim || !spot) return;
    const message = document.createElement("p");
    message.className = "form-message form-message--ok spotlight__done";
    message.setAttribute("role", "status");
    message.textContent = claimNoticeText(claim);
    spot.querySelector("h3")?.after(message);
  }, []);
}

/**
 * A comment's one action line, as Techdirt has: Insightful, Funny, Flag, Reply, Quote, Link and a
 * "⋯" menu with the rest (edit, delete, First/Last Word, moderation). Menus are native <details>,
 * the controls plain forms and links, so all of it works without JavaScript; with it, Escape
 * closes the open menu or the reply form and gives focus back to what opened it.
 */
export function CommentActions({ commentId, subject, authorName, context, offer, visible, rating }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const line = useRef<HTMLDivElement>(null);
  const interactive = useSyncExternalStore(noSubscribe, () => true, () => false);
  const viewer = useViewer(context.articleId);
  const justPosted = useJustPostedComments();
  const reply = useReply(commentId, authorName, container);
  useClaimNotice();

  // One menu open at a time, and a click elsewhere closes it, as menus do. (toggle does not
  // bubble: it is caught on the way down.)
  useEffect(() => {
    const root = container.current;
    if (!root) return;
    let outside: ((event: PointerEvent) => void) | null = null;
    const onToggle = (event: Event) => {
      const menu = event.target as HTMLDetailsElement;
      if (!menu.matches(".comment-actions__line details.menu") || !menu.open) return;
      for (const other of root.querySelectorAll<HTMLDetailsElement>(".comment-actions__line details.menu[open]")) if (other !== menu) other.open = false;
      if (outside) document.removeEventListener("pointerdown", outside);
      outside = (down: PointerEvent) => {
        if (menu.contains(down.target as Node)) return;
        menu.open = false;
        document.removeEventListener("pointerdown", outside!);
        outside = null;
      };
      document.addEventListener("pointerdown", outside);
    };
    root.addEventListener("toggle", onToggle, true);
    return () => {
      root.removeEventListener("toggle", onToggle, true);
      if (outside) document.removeEventListener("pointerdown", outside);
    };
  }, []);

  // Controls come and go (rating state, the flag menu): keep one Tab stop after every render.
  useEffect(() => {
    if (line.current) rove(line.current, line.current.contains(document.activeElement) ? (document.activeElement as HTMLElement) : undefined);
  });

  const mine = viewer?.signedIn === true && !viewer.isBanned && justPosted.has(commentId);
  const editable = mine || viewer?.editable?.includes(commentId);
  const deletable = mine || viewer?.deletable?.includes(commentId);
  const moderates = viewer?.signedIn === true && (viewer.role === "moderator" || viewer.role === "admin");

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.key !== "Escape") {
      if (line.current && !(event.target as HTMLElement).closest(".menu__panel")) moveFocus(line.current, event);
      return;
    }
    if (event.defaultPrevented) return;
    const target = event.target as HTMLElement;
    const menu = target.closest("details[open]") ?? container.current?.querySelector(".comment-actions__line details[open]");
    if (menu) {
      event.preventDefault();
      event.stopPropagation();
      menu.removeAttribute("open");
      menu.querySelector<HTMLElement>(":scope > summary")?.focus();
      return;
    }
    if (reply.open && target.closest(".reply")) {
      event.preventDefault();
      reply.cancel();
    }
  }

  return (
    <div className="comment-actions" ref={container} onKeyDown={onKeyDown}>
      <div className="comment-actions__line" role="toolbar" aria-label="Comment actions" ref={line} onFocus={(e) => line.current && rove(line.current, e.target)}>
        <RatingControls commentId={commentId} articleId={context.articleId} initial={rating} />
        {visible ? (
          <>
            <ReplyButtons commentId={commentId} reply={reply} interactive={interactive} />
            <a href={`/comments/${commentId}`} className="action action--link" data-action="">
              <span className="action__text">Link</span>
            </a>
            <details className="more-menu menu">
              <summary className="action action--more" data-action="">
                <span className="visually-hidden">More actions for this comment</span>
                <span aria-hidden="true">⋯</span>
              </summary>
              <div className="menu__panel more-menu__panel">
                {editable || deletable || moderates ? (
                  <p className="more-menu__links">
                    {editable ? (
                      <a className="menu__item" href={`/comments/${commentId}/edit`}>
                        Edit
                      </a>
                    ) : null}
                    {deletable ? (
                      <a className="menu__item" href={`/comments/${commentId}/edit`}>
                        Delete
                      </a>
                    ) : null}
                    {moderates ? (
                      <a className="menu__item" href="/moderation/reported">
                        Moderate
                      </a>
                    ) : null}
                  </p>
                ) : null}
                {/* Posting follows one's own thread (lib/notifications/outbox.ts): a just-posted comment shows it. */}
                <div className="more-menu__follow">
                  <FollowButton
                    articleId={context.articleId}
                    commentId={commentId}
                    backHref={`${context.articlePath}#comment-${commentId}`}
                    initial={mine || context.follows?.threads.includes(commentId)}
                    className="menu__item"
                  />
                </div>
                <CommentOptions commentId={commentId} articlePath={context.articlePath} offer={offer} viewer={viewer} interactive={interactive} />
              </div>
            </details>
          </>
        ) : null}
      </div>
      {visible ? <ReplyForm commentId={commentId} subject={subject} context={context} reply={reply} /> : null}
    </div>
  );
}
