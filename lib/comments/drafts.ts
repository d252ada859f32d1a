// Comments being written are kept in the reader's own browser (localStorage), one draft per
// article and parent, so signing in, a reload or a detour loses nothing. The server never sees
// a draft. Pure functions over a storage, so the rules are tested without a browser.

export type CommentDraft = { subject: string; body: string };
export type DraftStorage = Pick<Storage, "getItem" | "setItem" | "removeItem">;

const PREFIX = "dept.draft";
/** A draft left untouched this long is someone else's old business on a shared computer: dropped. */
export const DRAFT_MAX_AGE_MS = 30 * 24 * 3600_000;

/** One key per article and parent ("top" for a comment on the article itself). */
export function draftKey(articleId: string, parentId?: string): string {
  return `${PREFIX}:${articleId}:${parentId || "top"}`;
}

/** The stored draft, or null when there is none, it is unreadable or it has grown too old. */
export function readDraft(storage: DraftStorage | null, key: string, now = Date.now()): CommentDraft | null {
  try {
    const raw = storage?.getItem(key);
    if (!raw) return null;
    const parsed: unknown = JSON.parse(raw);
    if (!parsed || typeof parsed !== "object") return null;
    const { subject, body, savedAt } = parsed as Record<string, unknown>;
    if (typeof subject !== "string" || typeof body !== "string" || typeof savedAt !== "number") return null;
    if (now - savedAt > DRAFT_MAX_AGE_MS) {
      storage?.removeItem(key);
      return null;
    }
    return { subject, body };
  } catch {
    return null;
  }
}

/**
 * Keeps what is typed. A form holding only what it opened with (an empty body, the suggested
 * "Re:" subject) is no draft: the key is removed rather than kept empty.
 */
export function saveDraft(storage: DraftStorage | null, key: string, draft: CommentDraft, opened: CommentDraft, now = Date.now()): void {
  const untouched = draft.body.trim() === "" && (draft.subject.trim() === "" || draft.subject === opened.subject);
  try {
    if (untouched) storage?.removeItem(key);
    else storage?.setItem(key, JSON.stringify({ ...draft, savedAt: now }));
  } catch {
    // Storage full or switched off (private windows): the form still works, only without drafts.
  }
}

export function clearDraft(storage: DraftStorage | null, key: string): void {
  try {
    storage?.removeItem(key);
  } catch {
    // As above.
  }
}

/** A draft's body with a quote the reader just asked for added below it (once). */
export function withQuote(body: string, quote: string): string {
  if (!quote || body.includes(quote.trim())) return body;
  if (body.trim() === "") return quote;
  return `${body.trimEnd()}\n\n${quote}`;
}

/** The page's localStorage, or null where there is none (server rendering, storage blocked). */
export function browserStorage(): DraftStorage | null {
  try {
    return typeof window === "undefined" ? null : window.localStorage;
  } catch {
    return null;
  }
}
