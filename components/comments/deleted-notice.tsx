import { DELETED_NOTICE, DELETED_NOTICE_ID } from "@/lib/comments/edit-notice";

/** On every article page, shown only when a delete has just landed on it (lib/comments/edit-notice.ts). */
export function DeletedNotice() {
  return (
    <p id={DELETED_NOTICE_ID} className="flash-notice" role="status" tabIndex={-1}>
      {DELETED_NOTICE}
    </p>
  );
}

/**
 * With JavaScript a delete lands here by the router, which changes the address without making
 * the notice the page's :target: the article's comment form (an island already on the page)
 * shows it instead, and brings it into view with focus, as following the link would.
 */
export function revealDeletedNotice(): void {
  if (window.location.hash !== `#${DELETED_NOTICE_ID}`) return;
  const notice = document.getElementById(DELETED_NOTICE_ID);
  if (!notice) return;
  notice.classList.add("flash-notice--shown");
  notice.focus();
}
