// Members made for specs that need someone signed in but do not test registration: the account is
// written straight into the e2e database (scripts/e2e.ts hands the workers its DATABASE_URL) by
// the app's own registerUser, the one `npm run admin -- create-user` uses, so the password hash,
// role and defaults are the ones registration gives; the address is verified, as after following
// the mailed link. A member is brand new either way, so trust (lib/trust/levels.ts) counts them as
// "new" for their first hours, exactly as after registering through the form. The browser context
// is then signed in with one POST of the real sign-in form, so the session cookie is the site's own.
// Registering through the form costs 3-5 s a test; this costs a password hash and one request.
// The specs of registration itself use registerThroughForm / registerThroughUi (e2e/fixtures.ts).
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { createInterface } from "node:readline";
import { expect, type Browser, type BrowserContext, type Locator, type Page } from "@playwright/test";
import type { Member } from "./fixtures";

type Cookies = Awaited<ReturnType<BrowserContext["cookies"]>>;
type Answer = { ok: true; existed?: true } | { ok: false; error: string };

// The generated Prisma clients are ES modules that Playwright's loader cannot import, so the
// writes happen in one tsx process per worker (e2e/tasks/member-maker.ts), started on first use:
// most specs never make a member.
let maker: { child: ChildProcessWithoutNullStreams; waiting: ((answer: Answer) => void)[]; exited: Promise<void> } | undefined;
function memberMaker() {
  if (maker) return maker;
  const child = spawn(process.execPath, ["--import", "tsx", "e2e/tasks/member-maker.ts"], { cwd: process.cwd(), env: process.env, stdio: ["pipe", "pipe", "pipe"] });
  const waiting: ((answer: Answer) => void)[] = [];
  let stderr = "";
  child.stderr.on("data", (chunk) => (stderr += chunk));
  createInterface({ input: child.stdout }).on("line", (line) => waiting.shift()?.(JSON.parse(line) as Answer));
  const exited = new Promise<void>((resolve) =>
    child.once("exit", (code) => {
      for (const answer of waiting.splice(0)) answer({ ok: false, error: `member-maker exited (${code}): ${stderr}` });
      maker = undefined;
      resolve();
    }),
  );
  maker = { child, waiting, exited };
  return maker;
}

/** Ends the worker's member maker, which closes its database connection (e2e/fixtures.ts calls it as the worker ends). */
export async function closeMemberDb(): Promise<void> {
  if (!maker) return;
  const { child, exited } = maker;
  child.stdin.end();
  await exited;
}

/** Members this worker made, and the cookies of their newest session (a storageState's cookies). */
const made = new Map<string, Cookies | undefined>();

/**
 * Writes the member into the database, as registration and the mailed link would leave them; with
 * a role or a trust level as `npm run admin` would give them.
 */
export async function createMember(member: Member, { role, trust }: { role?: string; trust?: string } = {}): Promise<void> {
  if (made.has(member.email)) return;
  const { child, waiting } = memberMaker();
  const answer = await new Promise<Answer>((resolve) => {
    waiting.push(resolve);
    child.stdin.write(`${JSON.stringify({ name: member.name, handle: member.handle, email: member.email, password: member.password, role, trust })}\n`);
  });
  // An address that already has an account (made by another helper, `npm run admin`) is fine:
  // registering it through the form would end with that account signed in too.
  if (!answer.ok) throw new Error(`Could not make the member ${member.email}: ${answer.error}`);
  made.set(member.email, undefined);
}

/**
 * The sign-in form's hidden fields (the server action's) and the origin its POST must name, read
 * once per worker and server: most specs use the suite's server, some the instances or the nginx
 * they start, and a POST naming another server's origin is refused as cross-site.
 */
const signInForms = new Map<string, Promise<{ origin: string; fields: Record<string, string> }>>();
async function signInFormOf(browser: Browser, context: BrowserContext): Promise<{ origin: string; fields: Record<string, string> }> {
  const origin = new URL((await context.request.get("/robots.txt")).url()).origin;
  let form = signInForms.get(origin);
  if (!form) {
    form = (async () => {
      const plain = await browser.newContext({ baseURL: origin, javaScriptEnabled: false });
      try {
        const page = await plain.newPage();
        await page.goto("/signin");
        const found: Locator = page.locator("main form:has(input[name='password'])");
        await expect(found).toHaveAttribute("method", /post/i);
        const hidden = await found.locator('input[type="hidden"]').evaluateAll((els) => els.map((el) => [(el as HTMLInputElement).name, (el as HTMLInputElement).value]));
        return { origin, fields: Object.fromEntries(hidden) };
      } finally {
        await plain.close();
      }
    })();
    signInForms.set(origin, form);
    form.catch(() => signInForms.delete(origin));
  }
  return form;
}

/** Whether the context's session (if any) is the member's. */
async function signedInAs(context: BrowserContext, member: Member): Promise<boolean> {
  const viewer = (await (await context.request.get("/api/viewer")).json()) as { signedIn: boolean; handle?: string };
  return viewer.signedIn && viewer.handle === member.handle;
}

/** Signs the context in as the member: their saved session if it is still live, else one POST of the sign-in form. */
async function signIn(page: Page, member: Member): Promise<void> {
  const context = page.context();
  const saved = made.get(member.email);
  if (saved) {
    await context.addCookies(saved);
    if (await signedInAs(context, member)) return;
  }
  const browser = context.browser();
  if (!browser) throw new Error("registerConfirmAndSignIn needs a page of a browser's context");
  const { origin, fields } = await signInFormOf(browser, context);
  const response = await context.request.post("/signin", {
    multipart: { ...fields, email: member.email, password: member.password, callbackUrl: "/" },
    headers: { origin },
    maxRedirects: 0,
  });
  expect(response.status(), `signing ${member.email} in: ${response.status() === 200 ? "the form answered with a message" : response.statusText()}`).toBe(303);
  made.set(member.email, (await context.cookies(origin)).filter((c) => c.name.endsWith("dept.session")));
}

/**
 * The member exists (verified, brand new) and the page's browser context is signed in as them,
 * showing callbackUrl: where registering, confirming and signing in through the pages ends.
 */
export async function createAndSignIn(page: Page, member: Member, callbackUrl: string): Promise<void> {
  await createMember(member);
  await signIn(page, member);
  await page.goto(callbackUrl);
}
