// The words of each kind of notification, and that a reported comment no longer public is never quoted.
import { describe, expect, it } from "vitest";
import { describeNotification, type DescribeInput } from "./describe";

const member = { kind: "member" as const, handle: "ada", name: "Ada" };
const comment = (subject: string, body = "Plain *words* here", isPublic = true): DescribeInput["comment"] => ({ subject, body, author: member, isPublic });
const say = (kind: string, detail: string | null, c: DescribeInput["comment"]) => describeNotification({ kind, detail, articleTitle: "The Article", comment: c });

describe("describeNotification", () => {
  it("names the actor of a reply, and quotes the start of the text when there is no subject", () => {
    expect(say("reply", null, comment(""))).toEqual({ actorName: "Ada", sentence: "Ada replied to your comment on The Article: “Plain words here”" });
    expect(say("reply", null, { ...comment("Re: X")!, author: { kind: "anonymous", name: "Anonymous Coward", tag: "k3", website: null } }).actorName).toBe("Anonymous Coward · k3");
  });

  it("words badges, spotlights and hiding about the member's own comment", () => {
    expect(say("badge", "funny", comment("Joke")).sentence).toBe("Your comment “Joke” on The Article was rated funny by the community");
    expect(say("spotlight", "last", comment("Coda")).sentence).toBe("Your comment “Coda” was made the Last Word of The Article");
    expect(say("spotlight", "first", comment("Opening")).sentence).toBe("Your comment “Opening” was made the First Word of The Article");
    expect(say("hidden", "Removed by a moderator: off topic", comment("Tangent")).sentence).toBe("Your comment “Tangent” on The Article was taken down: removed by a moderator: off topic");
    expect(say("hidden", null, comment("Tangent")).sentence).toBe("Your comment “Tangent” on The Article was hidden");
  });

  it("never quotes a reported comment that is no longer public", () => {
    const gone = comment("Rude words", "Ruder body", false);
    expect(say("report", "upheld", gone).sentence).toBe("A moderator upheld your report on a comment on The Article");
    expect(say("report", "rejected", null).sentence).toBe("A moderator found nothing wrong with a comment you reported on The Article");
  });
});
