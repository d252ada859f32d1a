/** The subject a reply starts with: "Re: <parent subject>", never "Re: Re: …". */
export function replySubject(parentSubject: string): string {
  const base = parentSubject.trim().replace(/^(re:\s*)+/i, "");
  return base ? `Re: ${base}`.slice(0, 120) : "";
}
