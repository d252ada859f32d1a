import { describe, expect, it } from "vitest";
import { AnonymousPoster } from "./schemas";

const poster = { anonEmail: "anon@example.net", anonWebsite: "" };

describe("AnonymousPoster", () => {
  it("takes bidi controls out of the name, which would let it pose as someone else's", () => {
    const name = "\u2067Ada\u202E\u202A\u202B\u202C\u202D\u2066\u2068\u2069\u200E\u200F\u061C Reader\u2069";
    expect(AnonymousPoster.parse({ ...poster, anonName: name }).anonName).toBe("Ada Reader");
    // Nothing else left: the comment is signed "Anonymous Coward", as for a blank name.
    expect(AnonymousPoster.parse({ ...poster, anonName: " \u202E\u200F " }).anonName).toBe("");
  });
});
