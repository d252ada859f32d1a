// `tsx e2e/tasks/unpublished-comment.ts <author handle> <commenter handle> <title>`: an article by
// the author that was published, got a comment from the commenter, and went back to draft, made
// straight in the database DATABASE_URL names; prints {"commentId","slug"}. For the spec that
// checks what the comment's pages say about an article nobody may read any more.
import { randomBytes } from "node:crypto";
import { getDb } from "../../lib/db";
import { retryWhenBusy } from "./retry-when-busy";

async function main() {
  const [authorHandle, commenterHandle, title] = process.argv.slice(2);
  if (!authorHandle || !commenterHandle || !title) throw new Error("usage: unpublished-comment.ts <author handle> <commenter handle> <title>");
  const db = getDb();
  const [author, commenter] = await Promise.all([authorHandle, commenterHandle].map((handle) => db.user.findUniqueOrThrow({ where: { handle }, select: { id: true } })));
  const slug = `unpublished-${randomBytes(5).toString("hex")}`;
  const commentId = await retryWhenBusy(() =>
    db.$transaction(
      async (tx) => {
        const article = await tx.article.create({ data: { slug, title, dept: "second-thoughts", body: "Withdrawn.", status: "draft", publishedAt: new Date(Date.now() - 3_600_000), authorId: author.id } });
        const comment = await tx.comment.create({ data: { articleId: article.id, authorId: commenter.id, subject: "Before it went", body: "Said while it was up." }, select: { id: true } });
        await tx.comment.update({ where: { id: comment.id }, data: { rootId: comment.id } });
        return comment.id;
      },
      { maxWait: 30_000, timeout: 30_000 },
    ),
  );
  await db.$disconnect();
  console.log(JSON.stringify({ commentId, slug }));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
