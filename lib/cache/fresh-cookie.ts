// Its own module so proxy.ts can import the name without pulling in server-only code.
export const FRESH_COOKIE = "dept.fresh";
