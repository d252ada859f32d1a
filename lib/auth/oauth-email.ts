// Which email address an OAuth provider vouches for. Only a verified address may join an
// existing account or make a new one: anyone can type any address into a GitHub or Google
// profile, and an unverified one there proves nothing here.
import type { UserinfoEndpointHandler } from "next-auth/providers/oauth";

type Profile = Record<string, unknown> | undefined;

/** The address the provider says it verified, lower-cased, or null when it does not say so. */
export function verifiedEmailOf(profile: Profile): string | null {
  const email = typeof profile?.email === "string" ? profile.email.trim().toLowerCase() : "";
  // Google's OpenID claim, and what githubUserinfo below puts on GitHub's profile.
  const verified = profile?.email_verified === true || profile?.email_verified === "true";
  return email && verified ? email : null;
}

type GithubEmail = { email: string; primary: boolean; verified: boolean };

/**
 * GitHub's profile carries no verification flag, so the account's email list (scope user:email)
 * says which address is the primary one and whether GitHub verified it. next-auth's own request
 * falls back to the primary address without looking at that flag.
 */
export const githubUserinfo: UserinfoEndpointHandler = {
  url: "https://api.github.com/user",
  async request({ client, tokens }) {
    const profile = await client.userinfo(tokens.access_token ?? "");
    const response = await fetch("https://api.github.com/user/emails", { headers: { Authorization: `token ${tokens.access_token}`, "User-Agent": "Dept" } });
    const emails = response.ok ? ((await response.json()) as GithubEmail[]) : [];
    const claim = githubEmailClaim(emails, typeof profile.email === "string" ? profile.email : null);
    return { ...profile, email: claim.email ?? undefined, email_verified: claim.email_verified };
  },
};

/** The primary address if GitHub verified it; otherwise the public one, unverified unless listed as verified. */
export function githubEmailClaim(emails: GithubEmail[], publicEmail: string | null): { email: string | null; email_verified: boolean } {
  const primary = emails.find((e) => e.primary && e.verified);
  if (primary) return { email: primary.email, email_verified: true };
  const listed = publicEmail ? emails.find((e) => e.email.toLowerCase() === publicEmail.toLowerCase()) : undefined;
  return { email: publicEmail ?? emails.find((e) => e.primary)?.email ?? null, email_verified: listed?.verified === true };
}
