import { describe, expect, it } from "vitest";
import { RegisterInput, UpdateProfileInput } from "./schemas";

const good = { name: "Ada Reader", handle: "ada_reader", email: "Ada@Example.com ", password: "a long enough pass" };
const errorsOf = (input: object) => {
  const r = RegisterInput.safeParse({ ...good, ...input });
  return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [String(i.path[0]), i.message]));
};

describe("RegisterInput", () => {
  it("normalizes the email to lower case without spaces", () => {
    expect(RegisterInput.parse(good).email).toBe("ada@example.com");
  });

  it("derives the handle later when left blank", () => {
    expect(RegisterInput.parse({ ...good, handle: "" }).handle).toBeUndefined();
  });

  it.each([
    [{ email: "not-an-email" }, "email"],
    [{ email: "" }, "email"],
    [{ password: "short" }, "password"],
    [{ password: "x".repeat(257) }, "password"],
    [{ password: "ten chars\0" }, "password"],
    [{ name: "   " }, "name"],
    [{ name: "x".repeat(61) }, "name"],
    [{ name: "Null\0Byte" }, "name"],
    [{ name: "Bell\u0007" }, "name"],
    [{ handle: "ab" }, "handle"],
    [{ handle: "has space" }, "handle"],
    [{ handle: "_leading" }, "handle"],
    [{ handle: "x".repeat(31) }, "handle"],
  ])("rejects %j with a message on %s", (input, field) => {
    const errors = errorsOf(input);
    expect(Object.keys(errors)).toEqual([field]);
    expect(errors[field].length).toBeGreaterThan(5);
  });

  it("accepts a 10-character password of any composition and a 256-character one", () => {
    expect(errorsOf({ password: "aaaaaaaaaa" })).toEqual({});
    expect(errorsOf({ password: "é".repeat(256) })).toEqual({});
  });
});

// Every bidi control: embeddings and overrides, isolates, and the marks (LRM, RLM, ALM).
const BIDI = "\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069\u200E\u200F\u061C";

describe("names and handles", () => {
  it("lose bidi controls, which would let one name pose as another", () => {
    // Shown as "Adaadmin" in a byline, though typed as "Ada" + "nimda".
    const parsed = RegisterInput.parse({ ...good, name: `Ada\u202Enimda${BIDI}`, handle: `\u2066ada_reader\u2069\u200F` });
    expect(parsed.name).toBe("Adanimda");
    expect(parsed.handle).toBe("ada_reader");
    const profile = UpdateProfileInput.parse({ name: `${BIDI} Zoë ${BIDI}`, handle: `${BIDI}zoe`, bio: "" });
    expect(profile).toEqual({ name: "Zoë", handle: "zoe", bio: "" });
  });

  it("made only of bidi controls is no name", () => {
    expect(errorsOf({ name: BIDI })).toEqual({ name: "Enter your name." });
    expect(Object.keys(errorsOf({ handle: `ab${BIDI}` }))).toEqual(["handle"]);
  });
});
