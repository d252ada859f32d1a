import type { Metadata } from "next";
import { IntentLink } from "@/components/ui/intent-link";
import { SignInForm } from "@/components/auth/sign-in-form";
import { safeCallbackUrl } from "@/lib/auth/redirect";
import { signInErrorMessage } from "@/lib/auth/sign-in-errors";
import { getViewer } from "@/lib/auth/viewer";

export const metadata: Metadata = { title: "Sign in", robots: { index: false } };

type Props = { searchParams: Promise<{ callbackUrl?: string | string[]; error?: string | string[] }> };

export default async function SignInPage({ searchParams }: Props) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(typeof params.callbackUrl === "string" ? params.callbackUrl : undefined);
  const viewer = await getViewer();
  return (
    <div className="narrow">
      <h1>Sign in</h1>
      {viewer ? (
        <>
          <p>
            You are signed in as <IntentLink href={`/users/${viewer.handle}`}>{viewer.name}</IntentLink>. <IntentLink href={callbackUrl}>Continue</IntentLink>
          </p>
          <form action="/signout" method="post">
            <input type="hidden" name="callbackUrl" value="/signin" />
            <button type="submit" className="button">
              Sign out
            </button>
          </form>
        </>
      ) : (
        <>
          {params.error ? (
            <p className="form-message form-message--error">
              {signInErrorMessage(String(params.error))}
            </p>
          ) : null}
          <SignInForm callbackUrl={callbackUrl} />
        </>
      )}
    </div>
  );
}
