"use client";

import { CommentPreview } from "./comment-preview";
import { useActionState, useEffect, useRef, useState, type KeyboardEvent } from "react";
import { useInteractive } from "@/components/ui/use-interactive";
import { useViewer } from "@/components/auth/use-viewer";
import { Field, FormMessage } from "@/components/forms/field";
import { SubmitButton } from "@/components/forms/submit-button";
import { postCommentAction } from "@/lib/comments/actions";
import { charactersLeft } from "@/lib/comments/counter";
import { insertQuote, quoteMarkdown } from "@/lib/comments/quote";
import { BODY_MAX, HONEYPOT_FIELD, SUBJECT_MAX } from "@/lib/comments/limits";
import type { PostCommentState } from "@/lib/comments/schemas";
import { AnonFields } from "./anon-fields";
import { revealDeletedNotice } from "./deleted-notice";
import { FormattingHelp } from "./formatting-help";
import { rememberOwnComment } from "./own-comments";
import { BannedNotice, SignInPrompt } from "./posting-gate";
import { takeSelection, watchSelections } from "./quote-selection";
import { useCommentDraft } from "./use-comment-draft";
import { useRememberedPoster } from "./use-remembered-poster";

type Props = {
  articleId: string;
  articlePath: string;
  allowAnonymous: boolean;
  parentId?: string;
  defaultSubject?: string;
  defaultBody?: string;
  // Put the caret at the end of the comment box on opening (after "Quote" filled it in).
  focusBody?: boolean;
  idPrefix?: string;
  onPosted?: () => void;
  /** Given where the form can be closed (a reply under a comment): a Cancel button, and Escape. The draft stays. */
  onCancel?: () => void;
};

const NOTHING_SELECTED = "Select some words in the article or in a comment first, then press Quote selection.";

export function CommentForm(props: Props) {
  const { articleId, articlePath, allowAnonymous, parentId, defaultSubject = "", defaultBody = "", focusBody = false, idPrefix = "new", onPosted, onCancel } = props;
  const viewer = useViewer();
  const [state, action] = useActionState<PostCommentState, FormData>(postCommentAction, {});
  const [quoteHint, setQuoteHint] = useState("");
  const [bodyLength, setBodyLength] = useState(defaultBody.length);
  const formRef = useRef<HTMLFormElement>(null);
  // False in the server's HTML, true once hydrated: tells the action that JavaScript is running.
  const enhanced = useInteractive();
  const formKey = state.ok ? `done-${state.commentId ?? ""}` : "editing";
  const saveDraft = useCommentDraft(formRef, { articleId, parentId, defaultSubject, defaultBody, formKey, posted: state.ok === true ? state : null });
  const poster = useRememberedPoster(formRef, formKey);
  useEffect(() => {
    // The action revalidated the page and its answer already carries the fresh thread, which
    // replaces the page in place (keeping the scroll position). No router.refresh() here: the
    // browser keeps the page's RSC answer with stale-while-revalidate, so a refresh after the
    // second post in a tab got the copy from the first and put the old thread back.
    if (!state.commentId) return;
    onPosted?.();
    // A long discussion is paged: a new thread may land on a page other than this one (and the
    // reply page is not the thread at all). Go there.
    if (state.commentHref && !document.getElementById(`comment-${state.commentId}`)) window.location.assign(state.commentHref);
  }, [state.commentId, state.commentHref, onPosted]);
  const signedIn = viewer?.signedIn === true;
  useEffect(() => {
    if (state.commentId && signedIn) rememberOwnComment(state.commentId);
  }, [state.commentId, signedIn]);
  useEffect(watchSelections, []);
  useEffect(() => {
    if (!parentId) revealDeletedNotice();
  }, [parentId]);
  useEffect(() => {
    const box = bodyBox(formRef.current);
    setBodyLength(box?.value.length ?? 0);
    if (!focusBody || !box) return;
    box.focus();
    box.setSelectionRange(box.value.length, box.value.length);
  }, [focusBody, formKey]);

  function changed() {
    saveDraft();
    setBodyLength(bodyBox(formRef.current)?.value.length ?? 0);
  }

  function quoteSelection() {
    const text = takeSelection();
    const box = bodyBox(formRef.current);
    if (!text || !box) {
      setQuoteHint(NOTHING_SELECTED);
      return;
    }
    const { value, caret } = insertQuote(box.value, box.selectionStart, box.selectionEnd, quoteMarkdown(text));
    box.value = value;
    box.focus();
    box.setSelectionRange(caret, caret);
    setQuoteHint("");
    changed();
  }

  function onKeyDown(event: KeyboardEvent<HTMLFormElement>) {
    if (event.key !== "Escape" || !onCancel || event.defaultPrevented) return;
    event.preventDefault();
    onCancel();
  }

  if (viewer?.signedIn && viewer.isBanned) return <BannedNotice reason={viewer.banReason} />;
  if (viewer && !signedIn && !allowAnonymous) return <SignInPrompt articlePath={articlePath} parentId={parentId} />;
  const v = state.ok ? {} : (state.values ?? {});
  const id = (name: string) => `${idPrefix}-${name}`;
  const counter = enhanced ? charactersLeft(bodyLength) : null;
  return (
    <form ref={formRef} action={action} onInput={changed} onSubmit={poster.onSend} onKeyDown={onKeyDown} className="form comment-form" noValidate key={formKey}>
      {!signedIn ? <SignInPrompt articlePath={articlePath} parentId={parentId} /> : <p className="meta">Signed in as {viewer.name}.</p>}
      <FormMessage state={state} />
      <input type="hidden" name="articleId" value={articleId} />
      {parentId ? <input type="hidden" name="parentId" value={parentId} /> : null}
      {enhanced ? <input type="hidden" name="enhanced" value="1" /> : null}
      <Field id={id("subject")} name="subject" label="Subject" maxLength={SUBJECT_MAX} defaultValue={v.subject ?? defaultSubject} error={state.errors?.subject} />
      <Field id={id("body")} name="body" label="Comment" multiline maxLength={BODY_MAX} defaultValue={v.body ?? (state.ok ? "" : defaultBody)} error={state.errors?.body} />
      <p className={counter ? "body-counter" : "body-counter body-counter--quiet"} role="status">
        {counter}
      </p>
      <FormattingHelp />
      {!signedIn && allowAnonymous ? (
        <AnonFields id={id} values={v} errors={state.errors} canRemember={enhanced} remember={poster.remember} onRememberChange={poster.setRemember} />
      ) : null}
      <div className="honeypot" aria-hidden="true">
        <label htmlFor={id(HONEYPOT_FIELD)}>Leave this field empty</label>
        <input type="text" id={id(HONEYPOT_FIELD)} name={HONEYPOT_FIELD} tabIndex={-1} autoComplete="off" defaultValue="" />
      </div>
      {state.previewHtml ? <CommentPreview html={state.previewHtml} heading="h3" /> : null}
      <div className="form-actions">
        <SubmitButton pendingText="Posting…">Post comment</SubmitButton>
        <button type="submit" name="intent" value="preview" className="button button--secondary">
          Preview
        </button>
        {enhanced ? (
          <button type="button" className="button button--secondary" onClick={quoteSelection}>
            Quote selection
          </button>
        ) : null}
        {onCancel ? (
          <button type="button" className="button button--secondary" onClick={onCancel}>
            Cancel
          </button>
        ) : null}
      </div>
      <p className="field__hint" role="status">
        {quoteHint}
      </p>
    </form>
  );
}

function bodyBox(form: HTMLFormElement | null): HTMLTextAreaElement | null {
  const box = form?.elements.namedItem("body");
  return box instanceof HTMLTextAreaElement ? box : null;
}
