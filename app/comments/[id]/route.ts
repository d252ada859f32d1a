import { redirect } from "next/navigation";
import { getCommentLocation } from "@/lib/comments/permalink";

// A comment's permalink: a stable URL that lands on the comment's anchor, on the page of its
// article's discussion that shows it.
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const location = await getCommentLocation((await params).id);
  if (!location) return new Response("Comment not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  redirect(location.href);
}
