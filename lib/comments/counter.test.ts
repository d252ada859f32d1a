// The comment box's counter stays out of the way until the text nears the limit.
import { describe, expect, it } from "vitest";
import { COUNTER_FROM, charactersLeft } from "./counter";
import { BODY_MAX } from "./limits";

describe("charactersLeft", () => {
  it("is silent below 90 % of the limit and speaks from there on", () => {
    const from = Math.ceil(BODY_MAX * COUNTER_FROM);
    expect(charactersLeft(0)).toBeNull();
    expect(charactersLeft(from - 1)).toBeNull();
    expect(charactersLeft(from)).toBe("1,000 characters left");
    expect(charactersLeft(BODY_MAX - 1)).toBe("1 character left");
    expect(charactersLeft(BODY_MAX)).toBe("0 characters left");
  });

  it("says by how much a text pasted past the limit is over", () => {
    expect(charactersLeft(BODY_MAX + 1)).toBe("1 character over the limit");
    expect(charactersLeft(BODY_MAX + 1234)).toBe("1,234 characters over the limit");
  });

  it("works for any limit", () => {
    expect(charactersLeft(89, 100)).toBeNull();
    expect(charactersLeft(90, 100)).toBe("10 characters left");
  });
});
