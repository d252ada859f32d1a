import type { InputHTMLAttributes, ReactNode } from "react";
import { KeptTextarea } from "./kept-textarea";

type Props = InputHTMLAttributes<HTMLInputElement> & {
  name: string;
  label: string;
  error?: string;
  hint?: ReactNode;
  multiline?: boolean;
};

/** A labelled input with its hint and error wired up for screen readers. */
export function Field({ name, label, error, hint, multiline, id = `field-${name}`, ...rest }: Props) {
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  const common = { id, name, "aria-invalid": error ? true : undefined, "aria-describedby": describedBy };
  return (
    <div className={`field${error ? " field--error" : ""}`}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {multiline ? (
        <KeptTextarea {...common} defaultValue={rest.defaultValue as string | undefined} maxLength={rest.maxLength} rows={5} />
      ) : (
        // Declared even when it is the default text, as the HTML checkers ask; a caller's type wins.
        <input type="text" {...common} {...rest} />
      )}
      {error ? (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

export function FormMessage({ state }: { state: { ok?: boolean; message?: string } }) {
  if (!state.message) return null;
  return (
    <p className={state.ok ? "form-message form-message--ok" : "form-message form-message--error"} role={state.ok ? "status" : "alert"}>
      {state.message}
    </p>
  );
}
