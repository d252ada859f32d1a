// What /signin says after a refused GitHub or Google sign-in. next-auth sends the browser back
// with ?error=<code>; its own codes get the generic words, ours say what to do instead.
import { env } from "../env";
import type { OAuthRefusal } from "./oauth-users";

const CODES: Record<OAuthRefusal, string> = {
  "password-account": "OAuthAccountNotLinked",
  "unverified-email": "OAuthEmailNotVerified",
  unavailable: "AccessDenied",
};

const MESSAGES: Record<string, string> = {
  OAuthAccountNotLinked:
    "An account with a password already uses that email address, so we did not join this sign-in to it. Sign in with your email and password (or use “Forgot your password?”).",
  OAuthEmailNotVerified:
    "That provider has not verified your email address, so we cannot use it here. Verify the address there first, or register with your email and a password.",
};

export const GENERIC_SIGN_IN_ERROR = "That sign-in did not work. Please try again.";

/** Where next-auth sends a refused OAuth sign-in (an absolute URL on this site). */
export const oauthRefusalUrl = (refusal: OAuthRefusal) => `${env().siteUrl}/signin?error=${CODES[refusal]}`;

export function signInErrorMessage(code: string): string {
  return Object.hasOwn(MESSAGES, code) ? MESSAGES[code] : GENERIC_SIGN_IN_ERROR;
}
