// The numbers of registration and email verification, in one place and apart from the code that
// enforces them, so pages, mails and tests can state them without pulling in the database. The
// README's "Accounts and roles" repeats them: change both.
const HOUR = 60 * 60_000;

export const REGISTRATION_LIMITS = {
  // One client address: a household or an office registering a few accounts is fine.
  perIp: { limit: 5, windowMs: HOUR },
  // One network (IPv4 /24, IPv6 /64): whoever changes the last part of their address each time.
  perNetwork: { limit: 20, windowMs: 24 * HOUR },
  // One email address: each attempt mails that inbox, which must not become a way to flood it.
  perAddress: { limit: 3, windowMs: HOUR },
} as const;

/** How long the link mailed at registration (or by "Send the link again") works. */
export const VERIFY_LINK_HOURS = 48;

/** "Send the link again" in settings, per member. */
export const RESEND_LIMIT = { limit: 3, windowMs: HOUR } as const;

/** The words after every registration, whether or not the address already had an account. */
export const CHECK_YOUR_EMAIL = `We have sent a mail to the address you gave. Follow the link in it to confirm the address and finish registering; the link works once, for ${VERIFY_LINK_HOURS} hours. If the address already has an account here, the mail says so instead and tells you how to sign in.`;
export const VERIFY_LINK_DEAD = `This link no longer works: a confirmation link works once, for ${VERIFY_LINK_HOURS} hours, and only the newest one.`;
export const NOT_VERIFIED_NOTICE = "Your email address is not verified yet. Until you follow the link we mailed you, your account counts as new: you can comment, but your ratings and flags weigh less.";
