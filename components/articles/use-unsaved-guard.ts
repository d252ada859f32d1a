"use client";

import { useEffect, type RefObject } from "react";

export const LEAVE_WARNING = "Leave this page? What you typed has not been saved.";

/**
 * Asks before the writer leaves with unsaved changes: closing the tab or reloading
 * (beforeunload) and following a link on the page (the site's links navigate in place, which
 * beforeunload never sees). "Unsaved" compares the fields with their last saved values, so the
 * guard stays on after a failed save, whose typed values the form shows again. A link marked
 * `data-keeps-draft` leads somewhere and back with the text kept (the comment form's "Sign in
 * now"), so it does not ask.
 */
export function useUnsavedGuard(formRef: RefObject<HTMLFormElement | null>, saved: Record<string, string>, message = LEAVE_WARNING): void {
  const savedKey = JSON.stringify(saved);
  useEffect(() => {
    const baseline = JSON.parse(savedKey) as Record<string, string>;
    const isDirty = () => {
      const form = formRef.current;
      if (!form) return false;
      return Object.entries(baseline).some(([name, value]) => {
        const field = form.elements.namedItem(name);
        return (field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement) && field.value !== value;
      });
    };
    // Set once the writer has said yes to leaving by a link: a plain link then unloads the page,
    // and the browser's own question would ask them a second time.
    let agreedToLeave = false;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (agreedToLeave || !isDirty()) return;
      event.preventDefault();
      event.returnValue = "";
    };
    // Capture phase: runs before Next's <Link> handler, which leaves a prevented click alone.
    const onClick = (event: MouseEvent) => {
      const link = event.target instanceof Element ? event.target.closest("a[href]") : null;
      if (!(link instanceof HTMLAnchorElement) || event.defaultPrevented || event.button !== 0) return;
      if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey || link.target === "_blank" || link.hasAttribute("download")) return;
      const to = new URL(link.href, location.href);
      if (to.pathname === location.pathname && to.search === location.search && to.hash) return; // same page
      if (link.hasAttribute("data-keeps-draft")) return;
      if (!isDirty()) return;
      if (window.confirm(message)) {
        agreedToLeave = true;
        return;
      }
      event.preventDefault();
      event.stopPropagation();
    };
    window.addEventListener("beforeunload", onBeforeUnload);
    document.addEventListener("click", onClick, true);
    return () => {
      window.removeEventListener("beforeunload", onBeforeUnload);
      document.removeEventListener("click", onClick, true);
    };
  }, [formRef, savedKey, message]);
}
