"use client";

import Link from "next/link";
import { useActionState, useEffect, useSyncExternalStore } from "react";
import { useViewer } from "@/components/auth/use-viewer";
import { Field, FormMessage } from "@/components/forms/field";
import { SubmitButton } from "@/components/forms/submit-button";
import { postCommentAction } from "@/lib/comments/actions";
import { BODY_MAX, HONEYPOT_FIELD, SUBJECT_MAX, type PostCommentState } from "@/lib/comments/schemas";

type Props = {
  articleId: string;
  articlePath: string;
  allowAnonymous: boolean;
  parentId?: string;
  defaultSubject?: string;
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

export function CommentForm({ articleId, articlePath, allowAnonymous, parentId, defaultSubject = "", idPrefix = "new", onPosted, updateInPlace = true }: Props) {
  const viewer = useViewer();
  const [state, action] = useActionState<PostCommentState, FormData>(postCommentAction, {});
  // False in the server's HTML, true once hydrated: tells the action that JavaScript is running.
  const enhanced = useSyncExternalStore(noSubscribe, () => true, () => false);
  useEffect(() => {
    // The action revalidated the page and its answer already carries the fresh thread, which
    // replaces the page in place (keeping the scroll position). No router.refresh() here: the
    // browser keeps the page's RSC answer with stale-while-revalidate, so a refresh after the
    // second post in a tab got the copy from the first and put the old thread back.
    if (!state.commentId) return;
    onPosted?.();
  }, [state.commentId, onPosted]);

  const signedIn = viewer?.signedIn === true;
  if (viewer && !signedIn && !allowAnonymous) return <SignInPrompt articlePath={articlePath} />;
  const v = state.ok ? {} : (state.values ?? {});
  const id = (name: string) => `${idPrefix}-${name}`;
  return (
    <form action={action} className="form comment-form" noValidate key={state.ok ? `done-${state.commentId ?? ""}` : "editing"}>
      {!signedIn ? <SignInPrompt articlePath={articlePath} /> : <p className="meta">Signed in as {viewer.name}.</p>}
      <FormMessage state={state} />
      <input type="hidden" name="articleId" value={articleId} />
      {parentId ? <input type="hidden" name="parentId" value={parentId} /> : null}
      {enhanced && updateInPlace ? <input type="hidden" name="enhanced" value="1" /> : null}
      <Field id={id("subject")} name="subject" label="Subject" maxLength={SUBJECT_MAX} defaultValue={v.subject ?? defaultSubject} error={state.errors?.subject} />
      <Field id={id("body")} name="body" label="Comment" multiline maxLength={BODY_MAX} defaultValue={v.body} error={state.errors?.body} hint="Markdown: *emphasis*, [links](https://example.com), > quotes, `code`, lists." />
      {!signedIn && allowAnonymous ? (
        <fieldset className="anon-fields">
          <legend>Posting without an account</legend>
          <p className="field__hint">Your email address will not be published. Required fields are marked *</p>
          <Field id={id("anonName")} name="anonName" label="Name" maxLength={60} defaultValue={v.anonName} error={state.errors?.anonName} hint='Leave blank to post as "Anonymous Coward".' />
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
      </div>
    </form>
  );
}
