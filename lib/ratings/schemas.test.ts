import { describe, expect, it } from "vitest";
import { RatingInput } from "./schemas";

describe("RatingInput", () => {
  it("reads a vote button's control and wanted state from its one value", () => {
    expect(RatingInput.parse({ set: "insightful.1" })).toEqual({ control: "insightful", on: true });
    expect(RatingInput.parse({ set: "funny.0" })).toEqual({ control: "funny", on: false });
  });

  it("still reads separate fields, as the flag menu and JSON clients send them", () => {
    expect(RatingInput.parse({ control: "flag", on: "1", reason: "spam" })).toEqual({ control: "flag", on: true, reason: "spam" });
    expect(RatingInput.parse({ control: "insightful", on: "0" })).toEqual({ control: "insightful", on: false });
  });

  it("refuses a button value that names no control or state", () => {
    for (const set of ["insightful", "insightful.2", "delete.1", ".1", ""]) expect(RatingInput.safeParse({ set }).success, set).toBe(false);
  });
});
