// Trust levels and weights, against an injected clock: no test waits for an account to age.
import { describe, expect, it } from "vitest";
import { defaultSettings as settings } from "../settings/defaults";
import { trustLevelOf, type MemberFacts } from "./levels";
import { countedWeight } from "./tally";
import { accuracyAdjustment, flagWeight, ratingWeight } from "./weights";

const now = new Date("2026-12-02T12:00:00Z");
const hoursAgo = (h: number) => new Date(now.getTime() - h * 3_600_000);
const facts = (over: Partial<MemberFacts> = {}): MemberFacts => ({
  isModerator: false,
  createdAt: hoursAgo(30 * 24),
  emailVerifiedAt: hoursAgo(30 * 24),
  trustLevel: null,
  acceptedComments: 10,
  ...over,
});

describe("trustLevelOf", () => {
  it("keeps a member new until their email is verified and the first day has passed", () => {
    expect(trustLevelOf(facts({ emailVerifiedAt: null }), settings, now)).toBe("new");
    expect(trustLevelOf(facts({ createdAt: hoursAgo(23), acceptedComments: 0 }), settings, now)).toBe("new");
    expect(trustLevelOf(facts({ createdAt: hoursAgo(25), acceptedComments: 0 }), settings, now)).toBe("member");
  });

  it("makes a member established with age and accepted comments, both", () => {
    expect(trustLevelOf(facts(), settings, now)).toBe("established");
    expect(trustLevelOf(facts({ acceptedComments: 4 }), settings, now)).toBe("member");
    expect(trustLevelOf(facts({ createdAt: hoursAgo(13 * 24) }), settings, now)).toBe("member");
    expect(trustLevelOf(facts({ createdAt: hoursAgo(14 * 24) }), settings, now)).toBe("established");
  });

  it("follows an admin's choice either way, and the site's own numbers", () => {
    expect(trustLevelOf(facts({ trustLevel: "new" }), settings, now)).toBe("new");
    expect(trustLevelOf(facts({ emailVerifiedAt: null, createdAt: hoursAgo(1), trustLevel: "established" }), settings, now)).toBe("established");
    expect(trustLevelOf(facts({ isModerator: true, trustLevel: "new" }), settings, now)).toBe("moderator");
    expect(trustLevelOf(facts({ createdAt: hoursAgo(50) }), { ...settings, newAccountHours: 72 }, now)).toBe("new");
  });
});

describe("weights", () => {
  it("weighs members 1, established 2, anonymous and new nothing, moderators' flags the whole threshold", () => {
    const clean = { flagsUpheld: 0, flagsRejected: 0 };
    expect(flagWeight("member", clean, settings)).toBe(1);
    expect(flagWeight("established", clean, settings)).toBe(2);
    expect(flagWeight("anonymous", clean, settings)).toBe(0);
    expect(flagWeight("new", clean, settings)).toBe(0);
    expect(flagWeight("moderator", clean, settings)).toBe(settings.flagHideWeight);
    expect(ratingWeight("moderator", settings.insightfulBadgeThreshold, settings)).toBe(2);
  });

  it("raises a flagger's weight with upheld flags and lowers it faster with rejected ones", () => {
    expect(accuracyAdjustment({ flagsUpheld: 3, flagsRejected: 0 }, settings)).toBe(1);
    expect(accuracyAdjustment({ flagsUpheld: 100, flagsRejected: 0 }, settings)).toBe(settings.flagAccuracyBonusMax);
    expect(flagWeight("member", { flagsUpheld: 3, flagsRejected: 0 }, settings)).toBe(2);
    expect(flagWeight("member", { flagsUpheld: 0, flagsRejected: 1 }, settings)).toBe(0);
    expect(flagWeight("established", { flagsUpheld: 3, flagsRejected: 2 }, settings)).toBe(1);
  });

  it("never lets one voice below moderator reach a threshold alone, whatever the settings", () => {
    const generous = { ...settings, trustWeightEstablished: 50, flagAccuracyBonusMax: 100 };
    expect(flagWeight("established", { flagsUpheld: 1000, flagsRejected: 0 }, generous)).toBe(settings.flagHideWeight - 1);
    expect(ratingWeight("established", 5, generous)).toBe(4);
    expect(ratingWeight("moderator", 5, generous)).toBe(4);
  });
});

describe("countedWeight", () => {
  const ctx = { threshold: 5, networkCap: 2, countedFromNetwork: 0, untrustedWeight: 0 };
  it("counts at most the network's share of voices", () => {
    expect(countedWeight("member", 1, { ...ctx, countedFromNetwork: 1 })).toBe(1);
    expect(countedWeight("established", 2, { ...ctx, countedFromNetwork: 2 })).toBe(0);
    expect(countedWeight("moderator", 5, { ...ctx, countedFromNetwork: 9 })).toBe(5);
  });

  it("keeps anonymous and new voices together one short of the threshold", () => {
    expect(countedWeight("anonymous", 1, { ...ctx, untrustedWeight: 3 })).toBe(1);
    expect(countedWeight("new", 1, { ...ctx, untrustedWeight: 4 })).toBe(0);
    expect(countedWeight("anonymous", 3, { ...ctx, untrustedWeight: 2 })).toBe(2);
    expect(countedWeight("member", 1, { ...ctx, untrustedWeight: 4 })).toBe(1);
  });
});
