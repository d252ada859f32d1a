import { getDb } from "../db";
export { handleFromName } from "./handle-from-name";

/** The first free handle among `base`, `base2`, `base3`…, checked against the database. */
export async function freeHandle(base: string): Promise<string> {
  const taken = new Set(
    (await getDb().user.findMany({ where: { handle: { startsWith: base } }, select: { handle: true } })).map((u) => u.handle),
  );
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}${n}`)) return `${base}${n}`;
}
