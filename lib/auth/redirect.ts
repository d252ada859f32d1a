// Where to go after signing in: only a path on this site. Anything that a browser could read as
// another origin (//host, /\host, schemes, control characters) falls back to the home page.
export function safeCallbackUrl(raw: unknown, fallback = "/"): string {
  if (typeof raw !== "string" || raw.length === 0 || raw.length > 2000) return fallback;
  if (!raw.startsWith("/") || raw.startsWith("//") || raw.startsWith("/\\")) return fallback;
  if (/[\u0000-\u001F\u007F\\]/.test(raw)) return fallback;
  try {
    const base = "http://dept.invalid";
    const url = new URL(raw, base);
    if (url.origin !== base) return fallback;
    const target = `${url.pathname}${url.search}${url.hash}`;
    // Dot segments can collapse into a protocol-relative path: "/.//evil.com" becomes "//evil.com".
    if (target.startsWith("//") || target.startsWith("/\\")) return fallback;
    return target;
  } catch {
    return fallback;
  }
}
