"use client";

import { usePathname } from "next/navigation";
import { useEffect, useState } from "react";
import type { ViewerSummary } from "@/lib/auth/viewer-summary";
import { clearAnonHint, hasAnonHint } from "@/lib/auth/anon-hint";

// Cached pages are the same for everyone; who is looking is asked after load. Islands on one
// page share one request; a navigation (e.g. the redirect after signing in) asks again, since
// the header lives in the layout and is not re-created.
let shared: { key: string; at: number; promise: Promise<ViewerSummary> } | null = null;

const NOBODY: ViewerSummary = { signedIn: false };

// Sending any form (signing in, rating, commenting) may make this reader someone: ask again.
if (typeof document !== "undefined") {
  document.addEventListener(
    "submit",
    () => {
      clearAnonHint();
      shared = null;
    },
    true,
  );
}

function fetchViewer(key: string, articleId?: string): Promise<ViewerSummary> {
  if (hasAnonHint()) {
    shared = null;
    return Promise.resolve(NOBODY);
  }
  if (shared && shared.key === key && Date.now() - shared.at < 2000) return shared.promise;
  const url = articleId ? `/api/viewer?article=${encodeURIComponent(articleId)}` : "/api/viewer";
  const promise = fetch(url, { credentials: "same-origin", cache: "no-store" })
    .then((r) => (r.ok ? (r.json() as Promise<ViewerSummary>) : { signedIn: false as const }))
    .catch(() => ({ signedIn: false as const }));
  shared = { key, at: Date.now(), promise };
  return promise;
}

/**
 * The article the page shows (components/articles/article-page.tsx marks it). Every island on an
 * article page asks for it, the header's menu included, so they all share one request: asking
 * for the viewer alone and then again with the article cost two.
 */
function pageArticleId(): string | undefined {
  return document.querySelector<HTMLElement>("[data-viewer-article]")?.dataset.viewerArticle || undefined;
}

/** undefined while loading, then the viewer (with their editable comments on an article's page). */
export function useViewer(articleId?: string): ViewerSummary | undefined {
  const pathname = usePathname();
  const [viewer, setViewer] = useState<ViewerSummary>();
  useEffect(() => {
    let live = true;
    const article = articleId ?? pageArticleId();
    fetchViewer(`${pathname ?? "/"}|${article ?? ""}`, article).then((v) => live && setViewer(v));
    return () => {
      live = false;
    };
  }, [pathname, articleId]);
  return viewer;
}
