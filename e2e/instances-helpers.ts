// For e2e/instances-limits.spec.ts: two app instances on the run's database and one Redis, as
// behind a load balancer; HTTP clients that each stand for one person at one address and may send
// any request to either instance; the spec's own data and a look at what the database then holds
// (e2e/tasks/instances-seed.ts and instances-tally.ts).
import { execFileSync } from "node:child_process";
import { removeInstanceFolder, startInstance, type Instance } from "./instances";

export type Pair = { a: Instance; b: Instance; stop: () => Promise<void> };

/** Two instances of the run's build, both on the run's database and on Redis. */
export async function twoInstances(): Promise<Pair> {
  const env = { REDIS_URL: process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379" };
  const [a, b] = await Promise.all([startInstance({ env }), startInstance({ env })]);
  const stop = async () => {
    await Promise.all([a.stop(), b.stop()]);
    removeInstanceFolder(a.folder);
    removeInstanceFolder(b.folder);
  };
  return { a, b, stop };
}

type Body = { json: unknown } | { form: Record<string, string> } | { multipart: Record<string, string> };

/**
 * One person's client: every request from `ip` (the instances trust one proxy hop, so this is the
 * address they see), with the cookies the site gave it, whichever instance answered. Redirects are
 * not followed, and each request carries the Origin of the instance it goes to, as a browser would.
 */
export class Client {
  private readonly cookies: Map<string, string>;

  constructor(
    readonly ip: string,
    cookies?: Map<string, string>,
  ) {
    this.cookies = new Map(cookies);
  }

  /** The same person (cookies and all) from another address. */
  from(ip: string): Client {
    return new Client(ip, this.cookies);
  }

  cookie(name: string): string | undefined {
    return this.cookies.get(name);
  }

  async get(to: Instance, path: string): Promise<Response> {
    return this.send(to, path, { method: "GET" });
  }

  async post(to: Instance, path: string, body: Body, headers: Record<string, string> = {}): Promise<Response> {
    let payload: BodyInit;
    const extra: Record<string, string> = {};
    if ("json" in body) {
      payload = JSON.stringify(body.json);
      extra["content-type"] = "application/json";
    } else if ("form" in body) {
      payload = new URLSearchParams(body.form);
    } else {
      const data = new FormData();
      for (const [name, value] of Object.entries(body.multipart)) data.append(name, value);
      payload = data;
    }
    return this.send(to, path, { method: "POST", body: payload, headers: { origin: new URL(to.url).origin, ...extra, ...headers } });
  }

  private async send(to: Instance, path: string, init: RequestInit): Promise<Response> {
    const cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
    const headers = { ...(init.headers as Record<string, string>), "x-forwarded-for": this.ip, ...(cookie ? { cookie } : {}) };
    const response = await fetch(new URL(path, to.url), { ...init, headers, redirect: "manual" });
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(";");
      const at = pair.indexOf("=");
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1).trim();
      const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a));
      if (expired || value === "") this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return response;
  }
}

export type Seeded = { articleId: string; slug: string; commentId: string; members: { email: string; password: string }[] };

/** An article of the spec's own with one comment, and `members` members holding `credits` credits each. */
export function seed(members = 0, credits = 0): Seeded {
  const out = execFileSync("npx", ["tsx", "e2e/tasks/instances-seed.ts", String(members), String(credits)], { env: process.env, cwd: process.cwd(), encoding: "utf8" });
  return JSON.parse(out.trim().split("\n").pop()!) as Seeded;
}

export type Tally = {
  insightful: { counter: number; rows: number } | null;
  spotlights: { kind: string; email: string }[];
  members: { email: string; credits: number; ledger: number; spends: string[] }[];
  bodies: Record<string, number>;
};

/** What the database holds: see e2e/tasks/instances-tally.ts. */
export function tally(input: { commentId?: string; articleId?: string; emails?: string[]; bodies?: string[] }): Tally {
  const out = execFileSync("npx", ["tsx", "e2e/tasks/instances-tally.ts", JSON.stringify(input)], { env: process.env, cwd: process.cwd(), encoding: "utf8" });
  return JSON.parse(out.trim().split("\n").pop()!) as Tally;
}

/** How many of each answer. */
export function countOf(answers: (string | number)[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const answer of answers) counts[answer] = (counts[answer] ?? 0) + 1;
  return counts;
}
