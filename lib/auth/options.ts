// next-auth 4: the session cookie format (an encrypted JWT naming a Session row), OAuth sign-in
// when its credentials are configured, and the Credentials provider for API clients. The site's
// own sign-in form uses the same `authenticate` through a server action, which works without
// JavaScript (next-auth's form would need a CSRF token fetched by script).
import { CLIENT_ADDRESS_HEADER } from "../http/client-address";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import GithubProvider from "next-auth/providers/github";
import GoogleProvider from "next-auth/providers/google";
import { authSecret, env } from "../env";
import { SignInInput } from "../users/schemas";
import { authenticate } from "./credentials";
import { githubUserinfo, verifiedEmailOf } from "./oauth-email";
import { memberForOAuth } from "./oauth-users";
import { oauthRefusalUrl } from "./sign-in-errors";
import { createSessionRow, endSessionOfToken, SESSION_MAX_AGE_SECONDS, sessionCookieName, sessionCookieOptions } from "./session";

export function oauthProviders() {
  const e = env();
  return [
    ...(e.GITHUB_ID && e.GITHUB_SECRET ? [GithubProvider({ clientId: e.GITHUB_ID, clientSecret: e.GITHUB_SECRET, userinfo: githubUserinfo })] : []),
    ...(e.GOOGLE_ID && e.GOOGLE_SECRET ? [GoogleProvider({ clientId: e.GOOGLE_ID, clientSecret: e.GOOGLE_SECRET })] : []),
  ];
}

export function authOptions(): NextAuthOptions {
  return {
    secret: authSecret(),
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: "/signin", error: "/signin" },
    cookies: { sessionToken: { name: sessionCookieName(), options: sessionCookieOptions() } },
    events: { signOut: endSessionOfToken },
    providers: [
      CredentialsProvider({
        name: "Email",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        async authorize(credentials, req) {
          const parsed = SignInInput.safeParse(credentials ?? {});
          if (!parsed.success) return null;
          // The address the HTTP server resolved (lib/request.ts); next-auth hands over the headers.
          const resolved = req?.headers?.[CLIENT_ADDRESS_HEADER];
          const ip = (Array.isArray(resolved) ? resolved[0] : resolved)?.trim() || "unknown";
          try {
            return { id: await authenticate(parsed.data.email, parsed.data.password, ip) };
          } catch {
            return null;
          }
        },
      }),
      ...oauthProviders(),
    ],
    callbacks: {
      async signIn({ account, user, profile }) {
        if (!account || account.type !== "oauth") return true;
        // The profile, not next-auth's user object, carries the provider's word on the address.
        const verifiedEmail = verifiedEmailOf(profile as Record<string, unknown> | undefined);
        const outcome = await memberForOAuth({ provider: account.provider, providerAccountId: account.providerAccountId, verifiedEmail, name: user.name ?? profile?.name });
        if ("refused" in outcome) return oauthRefusalUrl(outcome.refused);
        user.id = outcome.userId;
        return true;
      },
      // On sign-in, the token gets a fresh Session row; afterwards it is passed through as is.
      async jwt({ token, user }) {
        if (user?.id) return { sub: user.id, sid: await createSessionRow(user.id) };
        return token;
      },
    },
  };
}
