// The server's log, as an operator reads it: one JSON line per request with the id the response
// carried in X-Request-Id, the method, the path without its query string, the status, the time
// taken, and the signed-in member's id.
import { execFileSync } from "node:child_process";
import { expect } from "@playwright/test";
import { UNCOUNTED } from "./comments-helpers";
import { newMember, test } from "./fixtures";
import { removeInstanceFolder, startInstance, type Instance } from "./instances";
import { createAndSignIn } from "./members";

test.describe.configure({ timeout: 90_000 });

type Line = { level: number; msg: string; reqId: string; method: string; path: string; status: number; ms: number; userId?: string };

/** The instance's request lines so far (anything else it printed is not JSON or not a request). */
function requestLines(instance: Instance): Line[] {
  return instance
    .output()
    .split("\n")
    .filter((l) => l.startsWith("{"))
    .map((l) => JSON.parse(l) as Line)
    .filter((l) => l.msg === "request");
}

async function lineFor(instance: Instance, reqId: string): Promise<Line> {
  await expect.poll(() => requestLines(instance).filter((l) => l.reqId === reqId).length).toBe(1);
  return requestLines(instance).find((l) => l.reqId === reqId)!;
}

test("each response carries its own X-Request-Id, and the log has one JSON line for it", async ({ page }) => {
  const instance = await startInstance();
  try {
    const paths = ["/robots.txt", `${UNCOUNTED.path}?cpage=1`, "/reset-password?token=secret-token-value", "/no-such-page"];
    const answers = [];
    for (const p of paths) {
      const response = await fetch(`${instance.url}${p}`);
      await response.arrayBuffer();
      answers.push({ path: p.split("?")[0], status: response.status, id: response.headers.get("x-request-id") });
    }
    const ids = answers.map((a) => a.id);
    expect(ids.every((id) => typeof id === "string" && id.length >= 8)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    for (const a of answers) {
      const line = await lineFor(instance, a.id!);
      expect(line).toMatchObject({ level: 30, method: "GET", path: a.path, status: a.status });
      expect(line.ms).toBeGreaterThanOrEqual(0);
      expect(line.userId).toBeUndefined();
    }
    expect(instance.output()).not.toContain("secret-token-value");

    // The proxy in front (TRUST_PROXY=1) may hand its own id on, if it is a safe one.
    const proxied = await fetch(`${instance.url}/robots.txt`, { headers: { "x-request-id": "edge-4f1c-77" } });
    expect(proxied.headers.get("x-request-id")).toBe("edge-4f1c-77");
    expect((await lineFor(instance, "edge-4f1c-77")).path).toBe("/robots.txt");
    const forged = await fetch(`${instance.url}/robots.txt`, { headers: { "x-request-id": `x${"y".repeat(80)}` } });
    expect(forged.headers.get("x-request-id")).not.toMatch(/^xy/);

    // A signed-in member's requests name them (the session was made on the run's server: same
    // database and secret, as behind a load balancer).
    const member = newMember();
    await createAndSignIn(page, member, "/");
    const cookie = (await page.context().cookies()).filter((c) => c.name.endsWith("dept.session")).map((c) => `${c.name}=${c.value}`).join("; ");
    expect(cookie).not.toBe("");
    const signedIn = await fetch(`${instance.url}/api/viewer`, { headers: { cookie } });
    expect((await signedIn.json()).handle).toBe(member.handle);
    const { id: userId } = JSON.parse(execFileSync("npx", ["tsx", "e2e/tasks/ops-facts.ts", "user-id", member.handle], { env: process.env, encoding: "utf8" }));
    expect(await lineFor(instance, signedIn.headers.get("x-request-id")!)).toMatchObject({ path: "/api/viewer", status: 200, userId });
  } finally {
    await instance.stop();
    removeInstanceFolder(instance.folder);
  }
});
