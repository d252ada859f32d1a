"use client";

import { useCallback, useEffect, useState, type RefObject } from "react";
import { useUnsavedGuard } from "@/components/articles/use-unsaved-guard";
import { browserStorage, clearDraft, draftKey, readDraft, saveDraft, withQuote, type CommentDraft } from "@/lib/comments/drafts";

export const UNSENT_WARNING = "Leave this page? Your comment has not been posted yet (it stays here as a draft in this browser).";

type Options = {
  articleId: string;
  parentId?: string;
  defaultSubject: string;
  defaultBody: string;
  /** Changes whenever the form is rendered afresh (after a post): the draft is read again. */
  formKey: string;
  /** The action's answer once the server took the comment (a new one each time): the draft has done its job. */
  posted: object | null;
};

/**
 * Keeps the comment being written in the browser (lib/comments/drafts.ts): restores it into the
 * form, saves it as it is typed (call the returned function on input) and drops it once posted.
 *
 * Leaving asks first only when the text changed during this visit. A draft the reader came back
 * to and left as it was is still stored and nothing new would be lost, so asking then would only
 * nag; text typed now is asked about because the reader may believe it was sent.
 */
export function useCommentDraft(formRef: RefObject<HTMLFormElement | null>, options: Options): () => void {
  const { articleId, parentId, defaultSubject, defaultBody, formKey, posted } = options;
  const key = draftKey(articleId, parentId);
  const [opened, setOpened] = useState<CommentDraft>({ subject: defaultSubject, body: defaultBody });

  // Before the fresh form below reads it.
  useEffect(() => {
    if (posted) clearDraft(browserStorage(), key);
  }, [posted, key]);

  useEffect(() => {
    const fields = fieldsOf(formRef.current);
    if (!fields) return;
    const draft = readDraft(browserStorage(), key);
    if (draft) {
      if (draft.subject.trim()) fields.subject.value = draft.subject;
      fields.body.value = withQuote(draft.body, defaultBody);
    }
    setOpened({ subject: fields.subject.value, body: fields.body.value });
  }, [formRef, formKey, key, defaultBody]);

  useUnsavedGuard(formRef, opened, UNSENT_WARNING);

  return useCallback(() => {
    const fields = fieldsOf(formRef.current);
    if (fields) saveDraft(browserStorage(), key, { subject: fields.subject.value, body: fields.body.value }, { subject: defaultSubject, body: defaultBody });
  }, [formRef, key, defaultSubject, defaultBody]);
}

function fieldsOf(form: HTMLFormElement | null): { subject: HTMLInputElement; body: HTMLTextAreaElement } | null {
  const subject = form?.elements.namedItem("subject");
  const body = form?.elements.namedItem("body");
  return subject instanceof HTMLInputElement && body instanceof HTMLTextAreaElement ? { subject, body } : null;
}
