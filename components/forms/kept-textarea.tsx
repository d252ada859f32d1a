"use client";

import { useState, type TextareaHTMLAttributes } from "react";
import { useInteractive } from "@/components/ui/use-interactive";

type Props = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "value" | "defaultValue"> & { id: string; defaultValue?: string };

/**
 * An uncontrolled <textarea> that keeps what was typed into it before the page's script ran.
 *
 * Why: hydrating a textarea whose default text is not empty, React sets its value back to that
 * text (react-dom's initTextarea), so words typed into an edit box while the script was still
 * loading vanished the moment it ran. While hydrating, the box's live value is read first and
 * becomes the default React hydrates with. Only then: on a page rendered in the browser, an
 * element with the same id may be the page being left.
 */
export function KeptTextarea({ id, defaultValue, ...props }: Props) {
  const interactive = useInteractive();
  // (Read in the state's initializer: it runs before React hydrates the element, never on the server.)
  const [typed] = useState(() => {
    if (interactive || typeof document === "undefined") return undefined;
    const element = document.getElementById(id);
    return element?.tagName === "TEXTAREA" ? (element as HTMLTextAreaElement).value : undefined;
  });
  // Only for the hydrating render: afterwards the default is the caller's again (a form shown anew
  // after a failed post, or reset by React after an action, takes it), and what was typed stays typed.
  return <textarea id={id} defaultValue={!interactive && typed !== undefined ? typed : defaultValue} {...props} />;
}
