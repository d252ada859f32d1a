import { z } from "zod";

// URL segments are checked before they reach a query: a malformed one (NUL bytes, which
// PostgreSQL rejects outright, absurd lengths, odd characters) is simply a page that does not exist.
const Slug = z.string().regex(/^[a-z0-9][a-z0-9-]{0,199}$/);
const Handle = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/);
const Id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);

const decode = (raw: string) => {
  try {
    return decodeURIComponent(raw);
  } catch {
    return "";
  }
};

export const parseSlug = (raw: string): string | null => Slug.safeParse(decode(raw)).data ?? null;
export const parseHandle = (raw: string): string | null => Handle.safeParse(decode(raw)).data ?? null;
export const parseId = (raw: string): string | null => Id.safeParse(decode(raw)).data ?? null;
