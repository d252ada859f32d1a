"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { parseThreadView } from "@/lib/comments/thread-view";
import { pluralize } from "@/lib/format";
import { belongsOnPage, type OpenPage } from "@/lib/live/placement";
import type { LiveCommentRef } from "@/lib/live/types";
import { useJustPostedComments } from "./own-comments";

// The live discussion: while the article is open and its tab visible, comments posted since are
// announced ("3 new comments — show") through the server-sent events of
// /api/articles/<id>/live. Nothing is asked while the tab is hidden: the stream closes and
// reopens from its cursor when the tab is shown. "Show" refreshes the (shared, cached) page in
// place when the new comments belong on it, or goes to the first one's permalink.

const domId = (id: string) => `comment-${id}`;
const onPage = (id: string) => document.getElementById(domId(id)) !== null;

function openPage(): OpenPage {
  const q = new URLSearchParams(window.location.search);
  const more = document.querySelector('#comments .comment-pager a[rel="next"]');
  return { ...parseThreadView(q.get("view"), q.get("sort"), q.get("cpage")), isLastPage: more === null, has: onPage };
}

/** Resolves with the element once the refreshed page has it, or null after `ms`. */
function appearing(id: string, ms: number): Promise<HTMLElement | null> {
  return new Promise((resolve) => {
    const end = Date.now() + ms;
    const look = () => {
      const el = document.getElementById(domId(id));
      if (el || Date.now() > end) resolve(el);
      else window.setTimeout(look, 50);
    };
    look();
  });
}

/** The permalink is a redirect (a route, not a page) to wherever the comment is: a page load. */
function openPermalink(id: string) {
  window.location.assign(new URL(`/comments/${encodeURIComponent(id)}`, window.location.origin));
}

/** Makes the comment the :target (scrolled to and highlighted, as from a permalink) and gives it
 *  focus, so reading (and Tab) goes on from there. */
function target(el: HTMLElement) {
  window.location.hash = el.id;
  el.tabIndex = -1;
  el.focus({ preventScroll: true });
}

export function LiveComments({ articleId }: { articleId: string }) {
  const router = useRouter();
  const own = useJustPostedComments();
  const [arrived, setArrived] = useState<LiveCommentRef[]>([]);
  const [busy, setBusy] = useState(false);
  const cursor = useRef<string>("");

  useEffect(() => {
    let source: EventSource | null = null;
    const open = () => {
      if (source || document.visibilityState !== "visible") return;
      const after = cursor.current ? `?after=${cursor.current}` : "";
      source = new EventSource(`/api/articles/${encodeURIComponent(articleId)}/live${after}`);
      source.addEventListener("ready", (e) => (cursor.current = (e as MessageEvent).lastEventId || cursor.current));
      source.addEventListener("comments", (e) => {
        const event = e as MessageEvent<string>;
        cursor.current = event.lastEventId || cursor.current;
        const { comments } = JSON.parse(event.data) as { comments: LiveCommentRef[] };
        // Already on the page (the reader's refresh, or a catch-up repeating itself): not news.
        setArrived((prev) => [...prev, ...comments.filter((c) => !onPage(c.id) && !prev.some((p) => p.id === c.id))]);
      });
    };
    const close = () => {
      source?.close();
      source = null;
    };
    const follow = () => (document.visibilityState === "visible" ? open() : close());
    open();
    // A comment that reaches the page some other way (the reader's own post refreshes the thread
    // in place, often after its announcement arrived) is no longer news.
    const landed = new MutationObserver(() => setArrived((prev) => (prev.some((c) => onPage(c.id)) ? prev.filter((c) => !onPage(c.id)) : prev)));
    const section = document.getElementById("comments");
    if (section) landed.observe(section, { childList: true, subtree: true });
    document.addEventListener("visibilitychange", follow);
    // Leaving (or into the back/forward cache) closes it; coming back reopens it.
    window.addEventListener("pagehide", close);
    window.addEventListener("pageshow", follow);
    return () => {
      close();
      landed.disconnect();
      document.removeEventListener("visibilitychange", follow);
      window.removeEventListener("pagehide", close);
      window.removeEventListener("pageshow", follow);
    };
  }, [articleId]);

  // The reader's own comment is not news (the server leaves it out too, by visitor).
  const fresh = arrived.filter((c) => !own.has(c.id));

  const show = async () => {
    const first = fresh[0];
    if (busy || !first) return;
    const page = openPage();
    // Elsewhere in the discussion: the permalink finds its page and opens it there.
    if (!fresh.every((c) => belongsOnPage(c, page))) return openPermalink(first.id);
    setBusy(true);
    // The page's new version, merged in place: the scroll position and open forms stay.
    router.refresh();
    const el = await appearing(first.id, 5_000);
    setBusy(false);
    if (!el) return openPermalink(first.id);
    setArrived((prev) => prev.filter((c) => !fresh.includes(c)));
    for (const c of fresh) document.getElementById(domId(c.id))?.setAttribute("data-new", "");
    target(el);
  };

  return (
    // Polite: the count is read out when the reader pauses, the button is there to go to.
    <div className="live-comments" aria-live="polite">
      {fresh.length > 0 ? (
        <p className="thread-reader__new">
          <button type="button" className="live-comments__show" onClick={show} aria-disabled={busy}>
            {pluralize(fresh.length, "new comment")} — show
          </button>
        </p>
      ) : null}
    </div>
  );
}
