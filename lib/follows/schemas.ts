import { z } from "zod";
import type { FormState } from "../forms";

const Id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "Unknown discussion.");

/** "Follow this discussion" (no commentId) or "Follow this thread" (a comment of the article). */
export const FollowInput = z.object({
  articleId: Id,
  commentId: z.union([z.literal("").transform(() => undefined), Id]).optional(),
  intent: z.enum(["follow", "unfollow"]),
});
export type FollowInput = z.infer<typeof FollowInput>;

export type FollowState = FormState & { following?: boolean };

/** What the viewer follows in one article: the discussion, and the threads (comment ids). */
export type ArticleFollows = { article: boolean; threads: string[] };

/** Random base64url tokens (32 bytes) in links and feed addresses. */
export const UrlToken = z.string().regex(/^[A-Za-z0-9_-]{20,100}$/);
