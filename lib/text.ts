// User text on its way in: lone surrogates become U+FFFD (so nothing invalid reaches the
// database), and control characters are dropped, NUL included, which PostgreSQL refuses to
// store. Line breaks and tabs survive where a field allows several lines.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;
const CONTROL_AND_BREAKS = /[\u0000-\u001F\u007F]/g;

export function cleanText(value: string, { multiline = false } = {}): string {
  const wellFormed = value.toWellFormed();
  return multiline ? wellFormed.replace(/\r\n?/g, "\n").replace(CONTROL, "") : wellFormed.replace(CONTROL_AND_BREAKS, "");
}

// Bidirectional formatting characters (embeddings, overrides, isolates and the invisible marks)
// reorder the text shown after them: "Ada\u202E" + "nimda" displays as "Adaadmin". A name is
// shown next to other text, so it never keeps one.
const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

export function stripBidiControls(value: string): string {
  return value.replace(BIDI_CONTROLS, "");
}
