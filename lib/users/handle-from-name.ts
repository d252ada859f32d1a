// Pure, so the register form can suggest a handle in the browser as the name is typed.
/** A handle suggested by a display name: "Zoë O'Brien" → "zoe_obrien". */
export function handleFromName(name: string): string {
  const base = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/['’]/g, "")
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .slice(0, 24);
  if (base.length >= 3) return base;
  return base ? `${base}_member` : "member";
}
