"use client";

import Link from "next/link";
import { useActionState, useEffect, useRef, useState, useSyncExternalStore } from "react";
import { useViewer } from "@/components/auth/use-viewer";
import { Field, FormMessage } from "@/components/forms/field";
import { SubmitButton } from "@/components/forms/submit-button";
import { postCommentAction } from "@/lib/comments/actions";
import { insertQuote, quoteMarkdown } from "@/lib/comments/quote";
import { BODY_MAX, HONEYPOT_FIELD, SUBJECT_MAX } from "@/lib/comments/limits";
import type { PostCommentState } from "@/lib/comments/schemas";
import { ANONYMOUS_NAME } from "@/lib/words";
import { rememberOwnComment } from "./own-comments";
import { takeSelection, watchSelections } from "./quote-selection";

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
  // Off where the page is not the thread (the reply page): the post then goes to the new comment.
  updateInPlace?: boolean;
};

const noSubscribe = () => () => {};

function SignInPrompt({ articlePath }: { articlePath: string }) {
  const back = encodeURIComponent(`${articlePath}#leave-a-comment`);
  return (
    <p className="comment-gate">
      Have an account? <Link href={`/signin?callbackUrl=${back}`}>Sign in now</Link>. Want one?{" "}
      <Link href={`/register?callbackUrl=${back}`}>Register here</Link>
    </p>
  );
}

const NOTHING_SELECTED = "Select some words in the article or in a comment first, then press Quote selection.";

export function CommentForm(props: Props) {
  const { articleId, articlePath, allowAnonymous, parentId, defaultSubject = "", defaultBody = "", focusBody = false, idPrefix = "new", onPosted, updateInPlace = true } = props;
  const viewer = useViewer();
  const [state, action] = useActionState<PostCommentState, FormData>(postCommentAction, {});
  const [quoteHint, setQuoteHint] = useState("");
  const formRef = useRef<HTMLFormElement>(null);
  // False in the server's HTML, true once hydrated: tells the action that JavaScript is running.
  const enhanced = useSyncExternalStore(noSubscribe, () => true, () => false);
  useEffect(() => {
    // The action revalidated the page and its answer already carries the fresh thread, which
    // replaces the page in place (keeping the scroll position). No router.refresh() here: the
    // browser keeps the page's RSC answer with stale-while-revalidate, so a refresh after the
    // second post in a tab got the copy from the first and put the old thread back.
    if (!state.commentId) return;
    onPosted?.();
    // A long discussion is paged: a new thread may land on a page other than this one. Go there.
    if (state.commentHref && !document.getElementById(`comment-${state.commentId}`)) window.location.assign(state.commentHref);
  }, [state.commentId, state.commentHref, onPosted]);
  const signedIn = viewer?.signedIn === true;
  useEffect(() => {
    if (state.commentId && signedIn) rememberOwnComment(state.commentId);
  }, [state.commentId, signedIn]);
  useEffect(watchSelections, []);
  useEffect(() => {
    if (!focusBody) return;
    const box = bodyBox(formRef.current);
    box?.focus();
    box?.setSelectionRange(box.value.length, box.value.length);
  }, [focusBody]);

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
  }

  if (viewer && !signedIn && !allowAnonymous) return <SignInPrompt articlePath={articlePath} />;
  const v = state.ok ? {} : (state.values ?? {});
  const id = (name: string) => `${idPrefix}-${name}`;
  return (
    <form ref={formRef} action={action} className="form comment-form" noValidate key={state.ok ? `done-${state.commentId ?? ""}` : "editing"}>
      {!signedIn ? <SignInPrompt articlePath={articlePath} /> : <p className="meta">Signed in as {viewer.name}.</p>}
      <FormMessage state={state} />
      <input type="hidden" name="articleId" value={articleId} />
      {parentId ? <input type="hidden" name="parentId" value={parentId} /> : null}
      {enhanced && updateInPlace ? <input type="hidden" name="enhanced" value="1" /> : null}
      <Field id={id("subject")} name="subject" label="Subject" maxLength={SUBJECT_MAX} defaultValue={v.subject ?? defaultSubject} error={state.errors?.subject} />
      <Field id={id("body")} name="body" label="Comment" multiline maxLength={BODY_MAX} defaultValue={v.body ?? (state.ok ? "" : defaultBody)} error={state.errors?.body} hint="Markdown: *emphasis*, [links](https://example.com), > quotes, `code`, lists." />
      {!signedIn && allowAnonymous ? (
        <fieldset className="anon-fields">
          <legend>Posting without an account</legend>
          <p className="field__hint">Your email address will not be published. Required fields are marked *</p>
          <Field id={id("anonName")} name="anonName" label="Name" maxLength={60} defaultValue={v.anonName} error={state.errors?.anonName} hint={`Leave blank to post as "${ANONYMOUS_NAME}".`} />
          <Field id={id("anonEmail")} name="anonEmail" label="Email *" type="email" autoComplete="email" defaultValue={v.anonEmail} error={state.errors?.anonEmail} />
          <Field id={id("anonWebsite")} name="anonWebsite" label="Website" type="url" maxLength={300} defaultValue={v.anonWebsite} error={state.errors?.anonWebsite} />
        </fieldset>
      ) : null}
      <div className="honeypot" aria-hidden="true">
        <label htmlFor={id(HONEYPOT_FIELD)}>Leave this field empty</label>
        <input id={id(HONEYPOT_FIELD)} name={HONEYPOT_FIELD} tabIndex={-1} autoComplete="off" defaultValue="" />
      </div>
      {state.previewHtml ? (
        <section className="comment-preview" aria-label="Preview">
          <h3>Preview</h3>
          <div className="comment__body" dangerouslySetInnerHTML={{ __html: state.previewHtml }} />
        </section>
      ) : null}
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
