import type { Metadata } from "next";
import { IntentLink } from "@/components/ui/intent-link";
import { connection } from "next/server";
import { ForgotPasswordForm } from "@/components/auth/forgot-password-form";
import { RESET_LINK_MINUTES } from "@/lib/auth/password-reset-limits";

export const metadata: Metadata = { title: "Reset your password", robots: { index: false } };

export default async function ForgotPasswordPage() {
  // Rendered per request, like every page with a form: its scripts carry the request's nonce.
  await connection();
  return (
    <div className="narrow">
      <h1>Reset your password</h1>
      <p>Give the address you signed up with. We mail it a link to choose a new password; the link works once, for {RESET_LINK_MINUTES} minutes.</p>
      <ForgotPasswordForm />
      <p>
        Remembered it? <IntentLink href="/signin">Sign in</IntentLink>
      </p>
    </div>
  );
}
