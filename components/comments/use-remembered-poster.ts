"use client";

import { useCallback, useEffect, useState, type RefObject } from "react";
import { browserStorage } from "@/lib/comments/drafts";
import { keepPoster, readPoster, type RememberedPoster } from "@/lib/comments/remembered-poster";

const FIELDS = ["anonName", "anonEmail", "anonWebsite"] as const;

/**
 * The "Save my name, email and website" box: fills in what this browser remembers when the form
 * opens, and on sending remembers the details (ticked) or forgets them (not ticked).
 */
export function useRememberedPoster(formRef: RefObject<HTMLFormElement | null>, formKey: string) {
  const [remember, setRemember] = useState(false);

  useEffect(() => {
    const saved = readPoster(browserStorage());
    const form = formRef.current;
    if (!saved || !form) return;
    for (const name of FIELDS) {
      const field = form.elements.namedItem(name);
      if (field instanceof HTMLInputElement && field.value === "") field.value = saved[name];
    }
    setRemember(true);
  }, [formRef, formKey]);

  const onSend = useCallback(() => {
    const form = formRef.current;
    if (!form || !(form.elements.namedItem("anonEmail") instanceof HTMLInputElement)) return;
    const value = (name: (typeof FIELDS)[number]) => (form.elements.namedItem(name) as HTMLInputElement | null)?.value ?? "";
    const poster: RememberedPoster = { anonName: value("anonName"), anonEmail: value("anonEmail"), anonWebsite: value("anonWebsite") };
    keepPoster(browserStorage(), remember ? poster : null);
  }, [formRef, remember]);

  return { remember, setRemember, onSend };
}
