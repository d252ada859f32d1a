// The edit page's "You can edit this for another N minutes", at chosen moments of the window.
import { describe, expect, it } from "vitest";
import { editTimeLeft, editWindowWording } from "./edit-window";
import { EDIT_WINDOW_MS } from "./permissions";

const posted = new Date("2026-12-02T10:00:00Z");
const at = (minutes: number, seconds = 0) => new Date(posted.getTime() + minutes * 60_000 + seconds * 1000);
const wording = (now: Date) => editWindowWording(editTimeLeft(posted, now));

describe("editWindowWording", () => {
  it("counts whole minutes left, rounded down", () => {
    expect(wording(at(0))).toBe("You can edit this for another 15 minutes.");
    expect(wording(at(2, 30))).toBe("You can edit this for another 12 minutes.");
    expect(wording(at(3))).toBe("You can edit this for another 12 minutes.");
    expect(wording(at(13, 59))).toBe("You can edit this for another minute.");
  });

  it("says less than a minute in the last one, and nothing once the window has closed", () => {
    expect(wording(at(14, 1))).toBe("You can edit this for less than a minute more.");
    expect(wording(at(15))).toBeNull();
    expect(wording(at(40))).toBeNull();
    expect(editTimeLeft(posted, at(40))).toBe(0);
    expect(editTimeLeft(posted, posted)).toBe(EDIT_WINDOW_MS);
  });
});
