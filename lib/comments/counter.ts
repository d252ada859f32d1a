// The comment box's counter: silent while there is room, shown (and read out politely) once the
// text nears the limit, so a long comment is not cut short by surprise.
import { BODY_MAX } from "./limits";

/** The share of the limit from which the counter shows. */
export const COUNTER_FROM = 0.9;

const number = (n: number) => n.toLocaleString("en-US");

/** What the counter says for a body of `length` characters, or null while it stays hidden. */
export function charactersLeft(length: number, max = BODY_MAX): string | null {
  if (length < Math.ceil(max * COUNTER_FROM)) return null;
  const left = max - length;
  if (left < 0) return `${number(-left)} ${-left === 1 ? "character" : "characters"} over the limit`;
  return `${number(left)} ${left === 1 ? "character" : "characters"} left`;
}
