// The lockfile version check: semver ordering (prereleases below their release) and the
// lockfile shapes it meets: missing packages, nested copies, aliases, npm 6 lockfiles.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkLockfile, compareVersions, parseVersion, type Lockfile } from "./check";
import { MINIMUM_VERSIONS } from "./minimums";

const minimums = { next: "16.4.6", react: "19.3.1" };
const v = (text: string) => parseVersion(text)!;
const lockWith = (entries: Record<string, object>): Lockfile => ({ packages: { "": { name: "dept" }, ...entries } });
const good = { "node_modules/next": { version: "16.4.6" }, "node_modules/react": { version: "19.3.1" } };

describe("compareVersions", () => {
  it.each([
    ["16.4.6", "16.4.6", 0],
    ["16.4.7", "16.4.6", 1],
    ["16.10.0", "16.9.9", 1],
    ["15.99.99", "16.0.0", -1],
    ["16.4.6-canary.2", "16.4.6", -1],
    ["16.4.7-canary.0", "16.4.6", 1],
    ["1.0.0-alpha", "1.0.0-alpha.1", -1],
    ["1.0.0-alpha.1", "1.0.0-alpha.beta", -1],
    ["1.0.0-beta.2", "1.0.0-beta.11", -1],
    ["1.0.0-rc.1", "1.0.0", -1],
    ["1.0.0+build.5", "1.0.0", 0],
  ])("%s against %s → %i", (a, b, expected) => {
    expect(Math.sign(compareVersions(v(a), v(b)))).toBe(expected);
    expect(Math.sign(compareVersions(v(b), v(a)))).toBe(-expected || 0);
  });

  it("reads no version out of ranges, tags or garbage", () => {
    for (const text of ["^16.4.6", "16.4", "latest", "", "16.4.6.1", "x.y.z"]) expect(parseVersion(text)).toBeNull();
  });
});

describe("checkLockfile", () => {
  it("passes when every package is at or above its minimum", () => {
    expect(checkLockfile(lockWith(good), minimums)).toEqual([]);
    expect(checkLockfile(lockWith({ ...good, "node_modules/next": { version: "17.0.0" } }), minimums)).toEqual([]);
  });

  it("fails a version below the minimum", () => {
    const problems = checkLockfile(lockWith({ ...good, "node_modules/next": { version: "16.4.5" } }), minimums);
    expect(problems).toEqual(["node_modules/next is 16.4.5, below the minimum 16.4.6 that carries the known security fixes."]);
  });

  it("fails a prerelease of the minimum, and passes a prerelease of a later version", () => {
    expect(checkLockfile(lockWith({ ...good, "node_modules/react": { version: "19.3.1-canary-abc-20261101" } }), minimums)).toHaveLength(1);
    expect(checkLockfile(lockWith({ ...good, "node_modules/react": { version: "19.4.0-rc.0" } }), minimums)).toEqual([]);
  });

  it("fails when a package is missing from the lockfile", () => {
    const problems = checkLockfile(lockWith({ "node_modules/next": { version: "16.4.6" } }), minimums);
    expect(problems).toEqual(["react is not in the lockfile (expected 19.3.1 or later)."]);
    expect(checkLockfile({}, minimums)).toHaveLength(2);
  });

  it("does not take @types/react or a package named like one for the package itself", () => {
    const problems = checkLockfile(lockWith({ "node_modules/next": { version: "16.4.6" }, "node_modules/@types/react": { version: "19.3.1" }, "node_modules/react-is": { version: "19.3.1" } }), minimums);
    expect(problems).toEqual(["react is not in the lockfile (expected 19.3.1 or later)."]);
  });

  it("checks nested copies too, since those are loaded by whoever depends on them", () => {
    const problems = checkLockfile(lockWith({ ...good, "node_modules/some-lib/node_modules/react": { version: "18.3.1" } }), minimums);
    expect(problems).toEqual(["node_modules/some-lib/node_modules/react is 18.3.1, below the minimum 19.3.1 that carries the known security fixes."]);
  });

  it("fails an unreadable version and an npm alias standing in for the package", () => {
    expect(checkLockfile(lockWith({ ...good, "node_modules/next": {} }), minimums)[0]).toMatch(/no readable version/);
    expect(checkLockfile(lockWith({ ...good, "node_modules/next": { version: "99.0.0", name: "not-next" } }), minimums)[0]).toMatch(/another package \(not-next\)/);
  });

  it("reads npm 6 lockfiles (dependencies only)", () => {
    expect(checkLockfile({ dependencies: { next: { version: "16.4.6" }, react: { version: "19.3.0" } } }, minimums)).toEqual([
      "react is 19.3.0, below the minimum 19.3.1 that carries the known security fixes.",
    ]);
  });

  it("passes this project's own lockfile, and every minimum is a version", () => {
    const lock = JSON.parse(readFileSync(path.resolve(import.meta.dirname, "../../package-lock.json"), "utf8")) as Lockfile;
    expect(checkLockfile(lock, MINIMUM_VERSIONS)).toEqual([]);
    expect(Object.keys(MINIMUM_VERSIONS).sort()).toEqual(["next", "next-auth", "react", "react-dom", "sanitize-html"]);
  });
});
