import type { Metadata } from "next";
import { IntentLink } from "@/components/ui/intent-link";
import { RegisterForm } from "@/components/auth/register-form";
import { safeCallbackUrl } from "@/lib/auth/redirect";
import { getViewer } from "@/lib/auth/viewer";
import { CHECK_YOUR_EMAIL } from "@/lib/users/registration-limits";

export const metadata: Metadata = { title: "Register", robots: { index: false } };

type Props = { searchParams: Promise<{ callbackUrl?: string | string[]; sent?: string | string[] }> };

export default async function RegisterPage({ searchParams }: Props) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(typeof params.callbackUrl === "string" ? params.callbackUrl : undefined);
  // Where every registration ends, whether or not the address already had an account.
  if (params.sent === "1") return <CheckYourEmail callbackUrl={callbackUrl} />;
  const viewer = await getViewer();
  return (
    <div className="narrow">
      <h1>Register</h1>
      {viewer ? (
        <p>
          You already have an account and are signed in as <IntentLink href={`/users/${viewer.handle}`}>{viewer.name}</IntentLink>.
        </p>
      ) : (
        <>
          <p>An account lets you comment under your own name and rate other readers&apos; comments.</p>
          <RegisterForm callbackUrl={callbackUrl} />
        </>
      )}
    </div>
  );
}

function CheckYourEmail({ callbackUrl }: { callbackUrl: string }) {
  return (
    <div className="narrow">
      <h1>Check your email</h1>
      <p className="form-message form-message--ok" role="status">
        {CHECK_YOUR_EMAIL}
      </p>
      <p>
        You can already sign in with the email and password you chose; until the address is confirmed your account counts as new.
      </p>
      <p>
        <IntentLink href={`/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`}>Sign in</IntentLink>
      </p>
    </div>
  );
}
