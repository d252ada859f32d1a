// The mails a registration can send: a confirmation link for a new account, or, when the address
// already has one, a note to its owner instead. The page says the same either way; only the inbox
// learns which it was, and whoever reads that inbox owns the answer anyway.
import { env } from "../env";
import { composeMail } from "../mail/compose";
import type { MailMessage } from "../mail/send";
import { VERIFY_LINK_HOURS } from "../users/registration-limits";

export const verifyUrl = (token: string) => `${env().siteUrl}/verify-email?token=${encodeURIComponent(token)}`;

export function verificationMail(to: string, token: string): MailMessage {
  const site = env().SITE_NAME;
  return composeMail(to, `Confirm your email address for ${site}`, [
    `Someone, hopefully you, registered a ${site} account with this address (or asked for a new confirmation link).`,
    { href: verifyUrl(token), label: "Confirm your email address" },
    `The link works once, for ${VERIFY_LINK_HOURS} hours.`,
    "If you did not register, ignore this mail: without the link the address stays unconfirmed.",
  ]);
}

export function alreadyRegisteredMail(to: string): MailMessage {
  const site = env().SITE_NAME;
  const origin = env().siteUrl;
  return composeMail(to, `Registering at ${site}`, [
    `Someone, hopefully you, tried to register a new ${site} account with this address. It already has an account, so no new one was made.`,
    { href: `${origin}/signin`, label: "Sign in" },
    { href: `${origin}/forgot-password`, label: "Forgot your password? Choose a new one" },
    "If that was not you, ignore this mail: your account is unchanged.",
  ]);
}
