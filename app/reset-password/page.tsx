import type { Metadata } from "next";
import { IntentLink } from "@/components/ui/intent-link";
import { ResetPasswordForm } from "@/components/auth/reset-password-form";
import { isResetTokenLive } from "@/lib/auth/password-reset";
import { PASSWORD_RESET_DONE, RESET_LINK_DEAD } from "@/lib/auth/password-reset-limits";
import { ResetToken } from "@/lib/users/schemas";

export const metadata: Metadata = { title: "Choose a new password", robots: { index: false } };

type Props = { searchParams: Promise<{ token?: string | string[]; outcome?: string | string[] }> };

export default async function ResetPasswordPage({ searchParams }: Props) {
  const params = await searchParams;
  if (params.outcome === "done") {
    return (
      <div className="narrow">
        <h1>Password changed</h1>
        <p className="form-message form-message--ok" role="status">
          {PASSWORD_RESET_DONE}
        </p>
        <p>
          <IntentLink href="/signin">Sign in</IntentLink>
        </p>
      </div>
    );
  }
  const token = ResetToken.safeParse(params.token);
  const live = token.success && (await isResetTokenLive(token.data));
  if (!token.success || !live) {
    return (
      <div className="narrow">
        <h1>This link no longer works</h1>
        <p>{RESET_LINK_DEAD}</p>
        <p>
          <IntentLink href="/forgot-password">Ask for a new link</IntentLink>
        </p>
      </div>
    );
  }
  return (
    <div className="narrow">
      <h1>Choose a new password</h1>
      <p>Saving it signs you out everywhere; then sign in with the new password.</p>
      <ResetPasswordForm token={token.data} />
    </div>
  );
}
