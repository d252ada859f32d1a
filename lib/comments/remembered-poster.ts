// "Save my name, email and website in this browser for the next time I comment" (WordPress's
// checkbox): an anonymous poster's details kept in their own browser only. Nothing about it is
// sent to the server, where the details arrive with each comment as before.
import type { DraftStorage } from "./drafts";

export type RememberedPoster = { anonName: string; anonEmail: string; anonWebsite: string };
export const POSTER_KEY = "dept.poster";

export function readPoster(storage: DraftStorage | null): RememberedPoster | null {
  try {
    const parsed: unknown = JSON.parse(storage?.getItem(POSTER_KEY) ?? "null");
    if (!parsed || typeof parsed !== "object") return null;
    const { anonName, anonEmail, anonWebsite } = parsed as Record<string, unknown>;
    if (typeof anonName !== "string" || typeof anonEmail !== "string" || typeof anonWebsite !== "string") return null;
    return { anonName, anonEmail, anonWebsite };
  } catch {
    return null;
  }
}

/** Remembers the details when the box is ticked, and forgets them when it is not. */
export function keepPoster(storage: DraftStorage | null, poster: RememberedPoster | null): void {
  try {
    if (poster) storage?.setItem(POSTER_KEY, JSON.stringify(poster));
    else storage?.removeItem(POSTER_KEY);
  } catch {
    // Storage full or switched off: nothing is remembered, nothing breaks.
  }
}
