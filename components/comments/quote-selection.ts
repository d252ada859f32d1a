"use client";

// Remembers the reader's last selection inside the article or a comment, because pressing a
// "Quote" button can clear the selection (on touch screens) before the click handler runs. A
// selection the reader has since let go of counts only for a moment, so a stale one is never
// quoted by surprise.
const QUOTABLE = ".article-body, .comment__body";

const GRACE_MS = 1500;

type Remembered = { text: string; source: Element; releasedAt: number | null };
let last: Remembered | null = null;
let listening = false;

function quotableAncestor(node: Node | null): Element | null {
  const element = node instanceof Element ? node : (node?.parentElement ?? null);
  return element?.closest(QUOTABLE) ?? null;
}

function onSelectionChange() {
  const selection = document.getSelection();
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) {
    if (last && last.releasedAt === null) last.releasedAt = Date.now();
    return;
  }
  const source = quotableAncestor(selection.getRangeAt(0).commonAncestorContainer);
  const text = selection.toString().trim();
  // A selection elsewhere (say in the comment box itself) leaves the last quotable one in place.
  if (source && text) last = { text, source, releasedAt: null };
}

export function watchSelections(): void {
  if (listening || typeof document === "undefined") return;
  listening = true;
  document.addEventListener("selectionchange", onSelectionChange);
}

/** The text last selected in the article or any comment (optionally only inside `within`). */
export function takeSelection(within?: Element | null): string | null {
  if (!last || !last.source.isConnected) return null;
  if (last.releasedAt !== null && Date.now() - last.releasedAt > GRACE_MS) return null;
  if (within && !within.contains(last.source) && last.source !== within) return null;
  const { text } = last;
  last = null;
  return text;
}
