// User text on its way in: lone surrogates become U+FFFD (so nothing invalid reaches the
// database), and control characters are dropped, NUL included, which PostgreSQL refuses to
// store. Line breaks and tabs survive where a field allows several lines.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;
const CONTROL_AND_BREAKS = /[\u0000-\u001F\u007F]/g;

export function cleanText(value: string, { multiline = false } = {}): string {
  const wellFormed = value.toWellFormed();
  return multiline ? wellFormed.replace(/\r\n?/g, "\n").replace(CONTROL, "") : wellFormed.replace(CONTROL_AND_BREAKS, "");
}
