// Drafts kept in the browser: one per article and parent, dropped when empty or too old, and a
// quote asked for later is added below what was already written.
import { describe, expect, it } from "vitest";
import { DRAFT_MAX_AGE_MS, clearDraft, draftKey, readDraft, saveDraft, withQuote, type DraftStorage } from "./drafts";
import { POSTER_KEY, keepPoster, readPoster } from "./remembered-poster";

function memoryStorage(): DraftStorage & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return { items, getItem: (k) => items.get(k) ?? null, setItem: (k, v) => void items.set(k, v), removeItem: (k) => void items.delete(k) };
}

const opened = { subject: "Re: Tariffs", body: "" };

describe("draftKey", () => {
  it("keeps a comment on the article apart from a reply, and replies to different comments apart", () => {
    const keys = [draftKey("a1"), draftKey("a1", ""), draftKey("a1", "c1"), draftKey("a1", "c2"), draftKey("a2")];
    expect(keys[0]).toBe(keys[1]);
    expect(new Set(keys).size).toBe(4);
  });
});

describe("saveDraft and readDraft", () => {
  it("brings back the subject and body as typed", () => {
    const storage = memoryStorage();
    const key = draftKey("a1", "c1");
    saveDraft(storage, key, { subject: "Re: Tariffs", body: "Half a thought" }, opened, 1_000);
    expect(readDraft(storage, key, 2_000)).toEqual({ subject: "Re: Tariffs", body: "Half a thought" });
    expect(readDraft(storage, draftKey("a1"), 2_000)).toBeNull();
  });

  it("stores nothing for a form left as it opened, and removes a draft emptied again", () => {
    const storage = memoryStorage();
    const key = draftKey("a1", "c1");
    saveDraft(storage, key, { ...opened, body: "   " }, opened);
    expect(storage.items.size).toBe(0);
    saveDraft(storage, key, { ...opened, body: "Words" }, opened);
    saveDraft(storage, key, opened, opened);
    expect(storage.items.size).toBe(0);
    // A subject of one's own is worth keeping even before the body.
    saveDraft(storage, key, { subject: "My own title", body: "" }, opened);
    expect(readDraft(storage, key)).toEqual({ subject: "My own title", body: "" });
  });

  it("forgets a draft older than thirty days, and anything unreadable", () => {
    const storage = memoryStorage();
    const key = draftKey("a1");
    saveDraft(storage, key, { subject: "", body: "Old news" }, { subject: "", body: "" }, 0);
    expect(readDraft(storage, key, DRAFT_MAX_AGE_MS)).not.toBeNull();
    expect(readDraft(storage, key, DRAFT_MAX_AGE_MS + 1)).toBeNull();
    expect(storage.items.has(key)).toBe(false);
    for (const junk of ["{", "null", '"text"', '{"subject":1,"body":"x","savedAt":0}']) {
      storage.setItem(key, junk);
      expect(readDraft(storage, key)).toBeNull();
    }
  });

  it("clears on request, and survives a storage that refuses to work", () => {
    const storage = memoryStorage();
    saveDraft(storage, draftKey("a1"), { subject: "", body: "Posted" }, { subject: "", body: "" });
    clearDraft(storage, draftKey("a1"));
    expect(storage.items.size).toBe(0);
    const broken: DraftStorage = {
      getItem: () => {
        throw new Error("SecurityError");
      },
      setItem: () => {
        throw new Error("QuotaExceededError");
      },
      removeItem: () => {
        throw new Error("SecurityError");
      },
    };
    expect(() => saveDraft(broken, "k", { subject: "", body: "x" }, opened)).not.toThrow();
    expect(readDraft(broken, "k")).toBeNull();
    expect(() => clearDraft(broken, "k")).not.toThrow();
    expect(readDraft(null, "k")).toBeNull();
  });
});

describe("withQuote", () => {
  it("adds a quote below the draft once, or is the quote alone on an empty draft", () => {
    expect(withQuote("", "> quoted")).toBe("> quoted");
    expect(withQuote("Mine\n", "> quoted")).toBe("Mine\n\n> quoted");
    expect(withQuote("Mine\n\n> quoted\n", "> quoted\n")).toBe("Mine\n\n> quoted\n");
    expect(withQuote("Mine", "")).toBe("Mine");
  });
});

describe("the remembered poster", () => {
  it("is kept when asked and forgotten when the box is unticked", () => {
    const storage = memoryStorage();
    const poster = { anonName: "Grace", anonEmail: "grace@example.test", anonWebsite: "" };
    keepPoster(storage, poster);
    expect(readPoster(storage)).toEqual(poster);
    keepPoster(storage, null);
    expect(readPoster(storage)).toBeNull();
    storage.setItem(POSTER_KEY, '{"anonName":"x"}');
    expect(readPoster(storage)).toBeNull();
  });
});
