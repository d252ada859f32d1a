// The page behind the confirmation link: a GET only shows a button (link scanners fetch links),
// the POST confirms. A stopped address stays stopped: confirming an old link does not undo
// "never send mail to this address again".
import "server-only";
import { getDb } from "../db";
import { UrlToken } from "../follows/schemas";
import { maskEmail } from "../newsletter/queries";

export type AddressStatus = { maskedEmail: string; confirmed: boolean; stopped: boolean };

export async function getAddressByConfirmToken(token: string): Promise<AddressStatus | null> {
  if (!UrlToken.safeParse(token).success) return null;
  const row = await getDb().mailAddress.findUnique({ where: { confirmToken: token }, select: { email: true, confirmedAt: true, stoppedAt: true } });
  return row ? { maskedEmail: maskEmail(row.email), confirmed: row.confirmedAt !== null, stopped: row.stoppedAt !== null } : null;
}

/** Confirms the address; idempotent (the first confirmation's time is kept). Null for an unknown token. */
export async function confirmMailAddress(token: string, now = new Date()): Promise<AddressStatus | null> {
  const current = await getAddressByConfirmToken(token);
  if (!current || current.confirmed) return current;
  await getDb().mailAddress.updateMany({ where: { confirmToken: token, confirmedAt: null }, data: { confirmedAt: now } });
  return { ...current, confirmed: true };
}
