// Calling server actions and route handlers as Next.js would, without Next.js: one request per
// call, carrying the caller's session cookie, a same-site Origin and an address of its own (so
// per-IP limits of one case never reach another), and reading back what came out of it.
import { CLIENT_ADDRESS_HEADER } from "../../lib/http/client-address";
import { sessionCookieName, startSession } from "../../lib/auth/session";
import { getDb } from "../../lib/db";
import { env } from "../../lib/env";
import type { SiteSettings } from "../../lib/settings/defaults";
import { settingsChanged } from "../../lib/settings/queries";
import type { Endpoint } from "./endpoints";
import { changedParts, databaseFingerprint } from "./fingerprint";
import { member, type Member } from "./matrix-fixtures";
import { CookieJar, enterRequest, leaveRequest } from "./request-context";

export const MATRIX_ROLES = ["visitor", "reader", "author", "moderator", "admin", "banned"] as const;
export type MatrixRole = (typeof MATRIX_ROLES)[number];

/** The caller. "banned" is a banned author: staff cannot be banned, and a ban must outweigh a role. */
export type Actor = { role: MatrixRole; user: Member | null; cookies: Record<string, string>; ip: string };

let calls = 0;
// Each caller a network (/24) of its own: limits count per network too, and the matrix tests who
// may act, not how often one network may.
const nextIp = () => `10.${(++calls >> 8) & 255}.${calls & 255}.1`;

export async function createActor(role: MatrixRole, options: { credits?: number } = {}): Promise<Actor> {
  if (role === "visitor") return { role, user: null, cookies: {}, ip: nextIp() };
  const user = role === "banned" ? await member("author", { ...options, banned: true }) : await member(role, options);
  return { role, user, cookies: { [sessionCookieName()]: await startSession(user.id) }, ip: nextIp() };
}

export type Outcome =
  | { kind: "state"; value: unknown; failures: unknown[] }
  | { kind: "redirect"; location: string }
  | { kind: "response"; status: number; location: string | null; body: string };

/** Where redirect() sends the browser, read from the digest of the error it throws. */
function redirectLocation(error: unknown): string | null {
  const digest = (error as { digest?: unknown } | null)?.digest;
  if (typeof digest !== "string" || !digest.startsWith("NEXT_REDIRECT;")) return null;
  return digest.split(";").slice(2, -2).join(";");
}

type CallOptions = { origin?: string };

async function inRequest(actor: Actor, options: CallOptions, call: (headers: Headers, failures: unknown[]) => Promise<Outcome>): Promise<Outcome> {
  const site = new URL(env().siteUrl);
  const jar = new CookieJar(actor.cookies);
  const headers = new Headers({ host: site.host, origin: options.origin ?? site.origin, [CLIENT_ADDRESS_HEADER]: actor.ip, cookie: jar.header() });
  const failures: unknown[] = [];
  enterRequest({ jar, headers, failures });
  try {
    return await call(headers, failures);
  } catch (error) {
    const location = redirectLocation(error);
    if (location === null) throw error;
    return { kind: "redirect", location };
  } finally {
    leaveRequest();
  }
}

export type RouteInit = { path: string; params?: Record<string, string>; form?: Record<string, string>; json?: unknown; accept?: string };

export type CaseContext = {
  actor: Actor;
  /** The action called as a form posts to it: (previous state, FormData). */
  action: (fields: Record<string, string>) => Promise<Outcome>;
  /** The action called with these arguments. */
  actionWith: (...args: unknown[]) => Promise<Outcome>;
  route: (init: RouteInit) => Promise<Outcome>;
};

export type CaseResult = { outcome: Outcome; happened: boolean };

export type MatrixCase = {
  label: string;
  /** Site settings in effect for this case (the rest are the defaults). */
  settings?: Partial<SiteSettings>;
  /** Credits every signed-in caller starts with. */
  credits?: number;
  run: (t: CaseContext) => Promise<CaseResult>;
};

function formData(fields: Record<string, string>): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  return form;
}

async function invokeRoute(endpoint: Endpoint, init: RouteInit, requestHeaders: Headers): Promise<Outcome> {
  const headers = new Headers(requestHeaders);
  let body: string | undefined;
  if (init.json !== undefined) {
    body = JSON.stringify(init.json);
    headers.set("content-type", "application/json");
  } else if (init.form) {
    body = new URLSearchParams(init.form).toString();
    headers.set("content-type", "application/x-www-form-urlencoded");
  }
  if (init.accept) headers.set("accept", init.accept);
  const method = endpoint.key.slice(endpoint.key.indexOf("#") + 1);
  const request = new Request(new URL(init.path, env().siteUrl), { method, headers, body });
  const handler = endpoint.handler as (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
  const response = await handler(request, { params: Promise.resolve(init.params ?? {}) });
  return { kind: "response", status: response.status, location: response.headers.get("location"), body: await response.text() };
}

export type CaseReport = { outcome: Outcome; happened: boolean; writes: string[] | null };

/**
 * One cell of the matrix: fresh caller, the case's settings, the call, and (when `audit`) which
 * parts of the database the call itself changed.
 */
export async function runCase(endpoint: Endpoint, matrixCase: MatrixCase, role: MatrixRole, options: CallOptions & { audit: boolean }): Promise<CaseReport> {
  const db = getDb();
  // Every case starts from the default settings, whatever ran before it.
  await db.setting.deleteMany();
  for (const [key, value] of Object.entries(matrixCase.settings ?? {})) {
    await db.setting.upsert({ where: { key }, create: { key, value: JSON.stringify(value) }, update: { value: JSON.stringify(value) } });
  }
  await settingsChanged();
  let writes: string[] | null = null;
  const audited = async (call: () => Promise<Outcome>) => {
    const before = options.audit ? await databaseFingerprint() : null;
    const outcome = await call();
    if (before) writes = changedParts(before, await databaseFingerprint());
    return outcome;
  };
  try {
    const actor = await createActor(role, { credits: matrixCase.credits });
    const invoke = (...args: unknown[]) =>
      audited(() => inRequest(actor, options, async (_headers, failures) => ({ kind: "state", value: await endpoint.handler(...(args as never[])), failures })));
    const result = await matrixCase.run({
      actor,
      action: (fields) => invoke({}, formData(fields)),
      actionWith: invoke,
      route: (init) => audited(() => inRequest(actor, options, (headers) => invokeRoute(endpoint, init, headers))),
    });
    return { ...result, writes };
  } finally {
    await db.setting.deleteMany();
    await settingsChanged();
  }
}
