// How long an author may still change their comment, in words for the edit page. The clock is
// an argument, so the wording is tested at any moment of the window.
import { EDIT_WINDOW_MS } from "./permissions";

/** Milliseconds left in the author's edit window at `now` (0 once it has closed). */
export function editTimeLeft(createdAt: Date, now: Date): number {
  return Math.max(0, createdAt.getTime() + EDIT_WINDOW_MS - now.getTime());
}

/** "You can edit this for another 12 minutes." Whole minutes, rounded down: never a promise too long. */
export function editWindowWording(msLeft: number): string | null {
  if (msLeft <= 0) return null;
  const minutes = Math.floor(msLeft / 60_000);
  if (minutes < 1) return "You can edit this for less than a minute more.";
  return `You can edit this for another ${minutes === 1 ? "minute" : `${minutes} minutes`}.`;
}
