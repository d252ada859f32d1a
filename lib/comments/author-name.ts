import type { CommentAuthor } from "./types";
import { DELETED_USER_NAME } from "../words";

/** How a comment's author is named in text: quotes ("… wrote:") and "in reply to …" markers. */
export function authorName(author: CommentAuthor): string {
  if (author.kind === "deleted") return DELETED_USER_NAME;
  if (author.kind === "anonymous" && author.tag) return `${author.name} · ${author.tag}`;
  return author.name;
}
