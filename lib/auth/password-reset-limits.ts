// The numbers of a password reset, apart from the code that enforces them so pages and mails can
// state them without pulling in the database.
export const RESET_LINK_MINUTES = 60;
// Per network (IPv4 /24, IPv6 /64) as well as per address: a script stepping through the
// addresses of one network does not get ten more requests at each step.
export const RESET_REQUEST_LIMITS = { perIp: 10, perNetwork: 30, perAddress: 3, windowMs: 60 * 60_000 };

/** The answer to every valid request, whether or not an account uses the address. */
export const RESET_REQUESTED = `If an account uses that address, we have sent it a link to choose a new password. The link works once, for ${RESET_LINK_MINUTES} minutes.`;
export const RESET_LINK_DEAD = `This link no longer works: a reset link works once, for ${RESET_LINK_MINUTES} minutes, and only the newest one. Ask for a new link.`;
export const PASSWORD_RESET_DONE = "Your password is changed, and every browser that was signed in is signed out. Sign in with the new password.";
