// A new comment's id, made here rather than by the database's default, so a top-level comment's
// rootId (itself) is written with the row instead of by a second statement. Same shape as the
// default cuid (a letter, the time in base 36, then random base 36): ids made either way sort by
// time alike and fit every place an id goes (URLs, anchors, /\w+/).
import { randomBytes } from "node:crypto";

const DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz";

export function newCommentId(now = Date.now()): string {
  let random = "";
  for (const byte of randomBytes(16)) random += DIGITS[byte % 36];
  return `c${now.toString(36).padStart(8, "0")}${random}`;
}
