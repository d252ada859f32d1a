/**
 * A vote button carries its control and the state wanted in one value ("insightful.1"), so votes
 * need no fields of their own: the thread's buttons all share one form (THREAD_VOTE_FORM). Separate fields
 * still work: JSON clients, the flag menu. Read the same way by the schema and by the page's
 * controls (no zod here: the page's script imports it).
 */
export function fromVoteButton(input: unknown): unknown {
  if (typeof input !== "object" || input === null || !("set" in input) || typeof input.set !== "string") return input;
  const { set, ...rest } = input as Record<string, unknown> & { set: string };
  const [control, on] = set.split(".", 2);
  return { ...rest, control, on };
}

/**
 * The one form the thread's vote buttons submit (components/comments/comment-thread.tsx renders
 * it once): each button names its comment's address (formaction), so the page needs no <form> per
 * comment, and voting still works before JavaScript, or without it.
 */
export const THREAD_VOTE_FORM = "thread-votes";
