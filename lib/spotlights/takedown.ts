// A spotlight exists to show a comment to everyone; when the comment is hidden, removed or
// deleted, its spotlight comes down and the member who paid for it gets the credits back, in
// the same transaction as the change that caused it.
import { addCredits, type Tx } from "../credits/ledger";

export const spotlightLabel = (kind: "first" | "last") => (kind === "first" ? "First Word" : "Last Word");

export async function takeDownSpotlights(tx: Tx, commentId: string, why: string): Promise<number> {
  const spotlights = await tx.spotlight.findMany({ where: { commentId }, select: { id: true, kind: true, userId: true, cost: true, article: { select: { title: true } } } });
  for (const s of spotlights) {
    // Deleting by id first makes a takedown racing another one refund once.
    const { count } = await tx.spotlight.deleteMany({ where: { id: s.id } });
    if (count === 1 && s.cost > 0) await addCredits(tx, s.userId, s.cost, `Refund: ${spotlightLabel(s.kind)} on ${s.article.title} taken down (${why})`, null);
  }
  return spotlights.length;
}
