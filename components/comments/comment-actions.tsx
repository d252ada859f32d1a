"use client";

import { useEffect, useRef, type KeyboardEvent } from "react";
import { useInteractive } from "@/components/ui/use-interactive";
import { useActionsContext } from "./comment-actions-context";
import { MoreMenuPanel } from "./more-menu-panel";
import { RatingControls } from "./rating-controls";
import type { RatingState } from "@/lib/ratings/state";
import { ReplyButtons, ReplyForm, useReply } from "./reply-control";
import { useLineMenu } from "./use-line-menu";

type Props = {
  commentId: string;
  subject: string;
  authorName: string;
  /** A published comment: one hidden or removed can be rated (or unflagged) but not answered. */
  visible: boolean;
  /** This reader's ratings, where the page was rendered for them alone (see CommentThread). */
  rating?: RatingState;
};

/** The line's own controls (not those inside an open menu), in order. */
const items = (line: HTMLElement) => [...line.querySelectorAll<HTMLElement>(".action")].filter((el) => !el.closest(".menu__panel"));

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

/**
 * A comment's one action line, as Techdirt has: Insightful, Funny, Flag, Reply, Quote, Link and a
 * "⋯" menu with the rest (edit, delete, follow, First/Last Word, moderation).
 *
 * Every comment on the page has one, so what the page carries for it is kept small: before
 * JavaScript (and without it) Flag and "⋯" are links to the comment's own pages, which hold the
 * full menus as forms; once interactive they are menu buttons whose panels are built only when
 * opened (components/comments/use-line-menu.ts). Escape closes the open menu or the reply form and
 * gives focus back to what opened it.
 */
export function CommentActions({ commentId, subject, authorName, visible, rating }: Props) {
  const { reply: context } = useActionsContext();
  const container = useRef<HTMLDivElement>(null);
  const line = useRef<HTMLDivElement>(null);
  const interactive = useInteractive();
  const reply = useReply(commentId, authorName, container);
  const more = useLineMenu();

  // Controls come and go (rating state, the flag menu): keep one Tab stop after every render.
  useEffect(() => {
    if (interactive && line.current) rove(line.current, line.current.contains(document.activeElement) ? (document.activeElement as HTMLElement) : undefined);
  });

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.key !== "Escape") {
      if (interactive && line.current && !(event.target as HTMLElement).closest(".menu__panel")) moveFocus(line.current, event);
      return;
    }
    // An open menu closes itself (use-line-menu.ts).
    if (event.defaultPrevented) return;
    const target = event.target as HTMLElement;
    if (reply.open && target.closest(".reply")) {
      event.preventDefault();
      reply.cancel();
    }
  }

  return (
    <div className="comment-actions" ref={container} onKeyDown={onKeyDown}>
      <div className="comment-actions__line" role="toolbar" aria-label="Comment actions" ref={line} onFocus={(e) => interactive && line.current && rove(line.current, e.target)}>
        <RatingControls commentId={commentId} articleId={context.articleId} initial={rating} compact />
        {visible ? (
          <>
            <ReplyButtons commentId={commentId} reply={reply} interactive={interactive} />
            <a href={`/comments/${commentId}`} className="action action--link">
              Link
            </a>
            {interactive ? (
              <>
                <button {...more.buttonProps} className="action action--more" aria-label="More actions for this comment">
                  ⋯
                </button>
                {more.open ? <MoreMenuPanel commentId={commentId} id={more.panelId} /> : null}
              </>
            ) : (
              <a href={`/comments/${commentId}/actions`} className="action action--more" aria-label="More actions for this comment">
                ⋯
              </a>
            )}
          </>
        ) : null}
      </div>
      {visible ? <ReplyForm commentId={commentId} subject={subject} context={context} reply={reply} /> : null}
    </div>
  );
}
