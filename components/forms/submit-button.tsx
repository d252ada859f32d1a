"use client";

import { useFormStatus } from "react-dom";

/** Disabled with a pending label while its form is being submitted. */
export function SubmitButton({ children, pendingText, className }: { children: string; pendingText?: string; className?: string }) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" className={className ?? "button"} disabled={pending} aria-disabled={pending}>
      {pending ? (pendingText ?? `${children}…`) : children}
    </button>
  );
}
