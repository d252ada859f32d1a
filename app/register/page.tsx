import type { Metadata } from "next";
import Link from "next/link";
import { RegisterForm } from "@/components/auth/register-form";
import { safeCallbackUrl } from "@/lib/auth/redirect";
import { getViewer } from "@/lib/auth/viewer";

export const metadata: Metadata = { title: "Register", robots: { index: false } };

type Props = { searchParams: Promise<{ callbackUrl?: string | string[] }> };

export default async function RegisterPage({ searchParams }: Props) {
  const raw = (await searchParams).callbackUrl;
  const callbackUrl = safeCallbackUrl(typeof raw === "string" ? raw : undefined);
  const viewer = await getViewer();
  return (
    <div className="narrow">
      <h1>Register</h1>
      {viewer ? (
        <p>
          You already have an account and are signed in as <Link href={`/users/${viewer.handle}`}>{viewer.name}</Link>.
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
