"use client";

import { useEffect, useRef, useState, type MouseEvent } from "react";
import { formatExact, formatRelative, pluralize } from "@/lib/format";
import { LiveComments } from "./live-comments";

// The page's one island for reading the thread (the page is cached and shared, so all of this
// happens in the reader's browser): times in the reader's terms and marking what is new since the
// last visit. It works on the server's HTML by delegation rather than one component per comment.
// (Each comment's fold is its own small component, thread-fold.tsx: it exists only in the browser.)

const REFRESH_MS = 60_000;
const visitKey = (articleId: string) => `dept:last-visit:${articleId}`;

/** Every `time[data-relative]` of the page says how long ago, with the exact local time as its title. */
function rewriteTimes(root: ParentNode) {
  const now = Date.now();
  for (const el of root.querySelectorAll<HTMLTimeElement>("time[data-relative]")) {
    const iso = el.dateTime;
    if (!iso || Number.isNaN(Date.parse(iso))) continue;
    const text = formatRelative(iso, now);
    const title = formatExact(iso);
    // Only real changes: the observer below sees our own writes too.
    if (el.textContent !== text) el.textContent = text;
    if (el.title !== title) el.title = title;
  }
}

function readVisit(articleId: string): number | null {
  try {
    const raw = window.localStorage.getItem(visitKey(articleId));
    const at = raw ? Number(raw) : NaN;
    return Number.isFinite(at) ? at : null;
  } catch {
    return null; // storage refused (private mode, policy): nothing is new, nothing breaks
  }
}

function writeVisit(articleId: string, at: number) {
  try {
    window.localStorage.setItem(visitKey(articleId), String(at));
  } catch {
    /* see readVisit */
  }
}

/** The comment's own creation time (the first time in its own byline, not a reply's). */
function createdAt(li: Element): number {
  const time = li.querySelector(":scope > .comment__box .comment__byline time, :scope > details > .comment__box .comment__byline time");
  return time ? Date.parse(time.getAttribute("datetime") ?? "") : NaN;
}

/** Marks comments posted since the last visit and returns their ids in page order. */
function markNew(thread: Element, since: number | null): string[] {
  const ids: string[] = [];
  for (const li of thread.querySelectorAll<HTMLElement>("li.comment")) {
    const isNew = since !== null && createdAt(li) > since;
    if (isNew) {
      li.dataset.new = "";
      ids.push(li.id);
    } else delete li.dataset.new;
  }
  return ids;
}

export function ThreadReader({ articleId }: { articleId: string }) {
  const anchor = useRef<HTMLDivElement>(null);
  const [fresh, setFresh] = useState<string[]>([]);
  const [next, setNext] = useState(0);

  useEffect(() => {
    const thread = anchor.current?.closest("section") ?? document;
    const section = thread instanceof HTMLElement ? thread : null;
    // Fold buttons are styled out of sight until this runs.
    section?.setAttribute("data-live", "");

    rewriteTimes(document);
    let pending = false;
    const observer = new MutationObserver(() => {
      if (pending) return;
      pending = true;
      requestAnimationFrame(() => {
        pending = false;
        rewriteTimes(document);
      });
    });
    observer.observe(document.body, { childList: true, subtree: true });
    const timer = window.setInterval(() => rewriteTimes(document), REFRESH_MS);


    // "New" is measured against the previous visit; this visit becomes the next one's mark.
    const since = readVisit(articleId);
    setFresh(section ? markNew(section, since) : []);
    writeVisit(articleId, Date.now());

    return () => {
      observer.disconnect();
      window.clearInterval(timer);
    };
  }, [articleId]);

  const jump = (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    const link = event.currentTarget;
    const id = fresh[next];
    // A real fragment change, so the comment is the :target (highlighted) and focus starts there.
    if (window.location.hash === `#${id}`) document.getElementById(id)?.scrollIntoView();
    else window.location.hash = id;
    setNext((next + 1) % fresh.length);
    // Focus stays on the (sticky) link, so the next press goes on to the next new comment.
    requestAnimationFrame(() => link.focus({ preventScroll: true }));
  };

  return (
    <>
      {/* Beside, not inside, the reader's box: a direct child of the section, it can stay sticky all down the thread. */}
      <LiveComments articleId={articleId} />
      <div ref={anchor} className="thread-reader">
        {fresh.length > 0 ? (
          <p className="thread-reader__new">
            <a href={`#${fresh[next]}`} onClick={jump}>
              {next === 0 ? `${pluralize(fresh.length, "new comment")}` : `Next new comment (${next + 1} of ${fresh.length})`}
            </a>{" "}
            <span className="thread-reader__since">since your last visit</span>
          </p>
        ) : null}
      </div>
    </>
  );
}
