// The request that a server action or route handler sees while the authorization matrix calls it
// outside Next.js. The test's mock of next/headers answers cookies() and headers() from here, so
// this module imports nothing that reads them.

export type CookieValue = { name: string; value: string };

/** The part of Next's cookie store that lib/ uses: get, set, delete (and a Cookie header). */
export class CookieJar {
  private readonly values = new Map<string, string>();

  constructor(initial: Record<string, string> = {}) {
    for (const [name, value] of Object.entries(initial)) this.values.set(name, value);
  }

  get(name: string): CookieValue | undefined {
    const value = this.values.get(name);
    return value === undefined ? undefined : { name, value };
  }

  getAll(): CookieValue[] {
    return [...this.values].map(([name, value]) => ({ name, value }));
  }

  has(name: string): boolean {
    return this.values.has(name);
  }

  set(name: string | CookieValue, value?: string): this {
    if (typeof name === "string") this.values.set(name, value ?? "");
    else this.values.set(name.name, name.value);
    return this;
  }

  delete(name: string): this {
    this.values.delete(name);
    return this;
  }

  header(): string {
    return this.getAll()
      .map((c) => `${c.name}=${c.value}`)
      .join("; ");
  }
}

export type RequestContext = { jar: CookieJar; headers: Headers; failures: unknown[] };

let current: RequestContext | null = null;

export function enterRequest(context: RequestContext): void {
  current = context;
}

export function leaveRequest(): void {
  current = null;
}

export function currentRequest(): RequestContext {
  if (!current) throw new Error("cookies()/headers() called outside a request of the authorization matrix");
  return current;
}

/** lib/forms.ts failed() saw this error: tells a refusal (ForbiddenError) from any other failure. */
export function recordFailure(error: unknown): void {
  current?.failures.push(error);
}
