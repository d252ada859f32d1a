import { createHash } from "node:crypto";

/**
 * A short, stable name for an anonymous poster's visitor key, the same on every article (unlike
 * the public per-article tag), so a moderator can tell one poster's comments apart from another's.
 */
export function visitorLabel(visitorKey: string): string {
  return `visitor ${createHash("sha256").update(`visitor-label:${visitorKey}`).digest("hex").slice(0, 8)}`;
}
