// OAuth sign-in against a real database: an identity joins an existing account only through an
// address the provider verified, never an account with a password of its own, and a new account
// made from a verified address is verified.
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { getDb } from "../db";
import { registerUser } from "../users/mutations";
import { githubEmailClaim, verifiedEmailOf } from "./oauth-email";
import { memberForOAuth, type OAuthIdentity } from "./oauth-users";
import { signInErrorMessage, GENERIC_SIGN_IN_ERROR, oauthRefusalUrl } from "./sign-in-errors";

const db = getDb();
const unique = () => randomBytes(4).toString("hex");
const identity = (verifiedEmail: string | null, provider = "github"): OAuthIdentity => ({ provider, providerAccountId: unique(), verifiedEmail, name: "Octo Cat" });
const accounts = (userId: string) => db.account.count({ where: { userId } });

describe("OAuth sign-in", () => {
  it("makes a verified member from a verified address, and signs the same identity in again", async () => {
    const email = `octo-${unique()}@example.com`;
    const id = identity(email);
    const first = await memberForOAuth(id);
    expect(first).toEqual({ userId: expect.any(String) });
    const userId = (first as { userId: string }).userId;
    const user = await db.user.findUniqueOrThrow({ where: { id: userId } });
    expect(user).toMatchObject({ email, passwordHash: null });
    expect(user.emailVerifiedAt).toBeInstanceOf(Date);
    expect(await memberForOAuth(id)).toEqual({ userId });
    expect(await accounts(userId)).toBe(1);
  });

  it("refuses an address the provider did not verify, making and joining nothing", async () => {
    const users = await db.user.count();
    expect(await memberForOAuth(identity(null))).toEqual({ refused: "unverified-email" });
    expect(await db.user.count()).toBe(users);
  });

  it("never joins an account with a password of its own, verified or not", async () => {
    for (const emailVerified of [false, true]) {
      const email = `pw-${unique()}@example.com`;
      const { id } = await registerUser({ name: "Has Password", email, password: "correct horse battery", emailVerified });
      expect(await memberForOAuth(identity(email))).toEqual({ refused: "password-account" });
      expect(await accounts(id)).toBe(0);
      expect((await db.user.findUniqueOrThrow({ where: { id } })).emailVerifiedAt === null).toBe(!emailVerified);
    }
  });

  it("joins a second provider to an account made through OAuth, by the verified address", async () => {
    const email = `two-${unique()}@example.com`;
    const { userId } = (await memberForOAuth(identity(email, "github"))) as { userId: string };
    expect(await memberForOAuth(identity(email, "google"))).toEqual({ userId });
    expect(await accounts(userId)).toBe(2);
  });

  it("signs in racing callbacks of one new identity as one member", async () => {
    // Five at once: a loser of the race to make the member can lose again linking the identity.
    const id = identity(`racer-${unique()}@example.com`);
    const outcomes = await Promise.all(Array.from({ length: 5 }, () => memberForOAuth(id)));
    expect(new Set(outcomes.map((o) => JSON.stringify(o))).size).toBe(1);
    expect(outcomes[0]).toHaveProperty("userId");
    expect(await db.user.count({ where: { email: id.verifiedEmail! } })).toBe(1);
  });

  it("reads the provider's word on the address: Google's claim, GitHub's email list", () => {
    expect(verifiedEmailOf({ email: "Ada@Example.com", email_verified: true })).toBe("ada@example.com");
    expect(verifiedEmailOf({ email: "ada@example.com", email_verified: false })).toBeNull();
    expect(verifiedEmailOf({ email: "ada@example.com" })).toBeNull();
    expect(verifiedEmailOf(undefined)).toBeNull();

    const list = [
      { email: "old@example.com", primary: false, verified: true },
      { email: "main@example.com", primary: true, verified: true },
    ];
    expect(githubEmailClaim(list, "old@example.com")).toEqual({ email: "main@example.com", email_verified: true });
    expect(githubEmailClaim([{ email: "main@example.com", primary: true, verified: false }], null)).toEqual({ email: "main@example.com", email_verified: false });
    expect(githubEmailClaim([], "public@example.com")).toEqual({ email: "public@example.com", email_verified: false });
  });

  it("tells a refused member on /signin what to do instead", () => {
    expect(oauthRefusalUrl("password-account")).toMatch(/\/signin\?error=OAuthAccountNotLinked$/);
    expect(signInErrorMessage("OAuthAccountNotLinked")).toMatch(/Sign in with your email and password/);
    expect(signInErrorMessage("OAuthEmailNotVerified")).toMatch(/not verified/);
    expect(signInErrorMessage("constructor")).toBe(GENERIC_SIGN_IN_ERROR);
  });
});
