/** The subject a reply starts with: "Re: <parent subject>", never "Re: Re: …". */
export function replySubject(parentSubject: string): string {
  const base = subjectBase(parentSubject);
  return base ? `Re: ${base}`.slice(0, 120) : "";
}

/** A subject without its "Re:" prefixes, as the thread it answers was titled. */
export function subjectBase(subject: string): string {
  return subject.trim().replace(/^(re:\s*)+/i, "").trim();
}

const isReply = (subject: string) => /^\s*re:/i.test(subject);
const key = (subject: string) => subjectBase(subject).toLowerCase();

export const HIDDEN_SUBJECT = "Re: (hidden comment)";

/**
 * The titles a reader must not learn from replies: those of hidden, removed or deleted comments,
 * unless the same title also heads a comment everyone sees (then nothing is given away).
 */
export function hiddenTitleKeys(hidden: string[], visibleOriginals: string[]): Set<string> {
  const visible = new Set(visibleOriginals.filter((s) => !isReply(s)).map(key));
  return new Set(hidden.map(key).filter((k) => k && !visible.has(k)));
}

/** A reply's subject as shown: "Re: <hidden title>" becomes "Re: (hidden comment)". */
export function publicSubject(subject: string, hiddenKeys: Set<string> | undefined): string {
  if (!hiddenKeys || hiddenKeys.size === 0 || !isReply(subject)) return subject;
  return hiddenKeys.has(key(subject)) ? HIDDEN_SUBJECT : subject;
}
