// The flags that hide a comment as the community would: three visitors say spam, one member
// says abusive — weight 5, the default threshold. Shared by the tasks that store hidden comments.
const FLAGS = [
  { voterKind: "visitor", reason: "spam", weight: 1 },
  { voterKind: "visitor", reason: "spam", weight: 1 },
  { voterKind: "visitor", reason: "spam", weight: 1 },
  { voterKind: "member", reason: "abusive", weight: 2 },
] as const;

export const HIDING_WEIGHT = FLAGS.reduce((sum, f) => sum + f.weight, 0);

/** Flag rows hiding `commentId`, each from its own made-up voter (`label` keeps tasks apart). */
export function hidingFlags(commentId: string, label: string) {
  return FLAGS.map((f, i) => ({ commentId, voterKey: `${f.voterKind === "member" ? "u" : "v"}:${label}-${commentId}-${i}`, ...f }));
}
