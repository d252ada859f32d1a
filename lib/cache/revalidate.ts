// Invalidating a cached article page after a write to its discussion.
//
// Next stamps a cached page with the time it was *stored*, not the time its render began. A
// render that read the database just before a write, and finished just after it, is therefore
// stored as newer than the write's invalidation and would be served as fresh, without the write,
// until the next invalidation (seen in e2e on PostgreSQL: a comment flagged past the threshold
// stayed unfolded). So the page is invalidated at once, and again once any render that was in
// flight during the write has finished: every read is at most one write behind, briefly.
import { after } from "next/server";
import { revalidatePath } from "next/cache";

// Longer than the slowest article render (a 5,000-comment thread on a busy machine).
const RENDER_WINDOW_MS = 2_000;

function revalidateTwice(path: string, type?: "layout"): void {
  revalidatePath(path, type);
  after(async () => {
    await new Promise((resolve) => setTimeout(resolve, RENDER_WINDOW_MS));
    revalidatePath(path, type);
  });
}

export function revalidateArticle(slug: string): void {
  revalidateTwice(`/articles/${slug}`);
}

/** Every cached page (a site setting changed what they all show). */
export function revalidateEverything(): void {
  revalidateTwice("/", "layout");
}
