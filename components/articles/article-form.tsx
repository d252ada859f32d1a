"use client";

import { KeptTextarea } from "@/components/forms/kept-textarea";
import { useActionState, useRef, useState } from "react";
import { useFormStatus } from "react-dom";
import { Field, FormMessage } from "@/components/forms/field";
import { saveArticleAction } from "@/lib/articles/actions";
import type { ArticleState } from "@/lib/articles/permissions";
import { BODY_MAX, DEPT_MAX, EXCERPT_MAX, TITLE_MAX } from "@/lib/articles/limits";
import type { ArticleFormState } from "@/lib/articles/schemas";
import { SLUG_MAX, slugFromTitle } from "@/lib/articles/slug";
import { formatDateTime } from "@/lib/format";
import { LivePreview } from "./live-preview";
import { ScheduleField } from "./schedule-field";
import { TagField } from "./tag-field";
import { useUnsavedGuard } from "./use-unsaved-guard";

/** An existing article as its form needs it; absent on /write. */
export type ArticleFormSource = {
  id: string;
  slug: string;
  title: string;
  dept: string;
  tags: string;
  body: string;
  excerpt: string;
  state: ArticleState;
  publishedAt: string | null;
  // A scheduled time as the server's zone writes it (the browser rewrites it in its own).
  scheduledLocal: string;
  previewHtml: string;
};

type Props = { article?: ArticleFormSource; existingTags: string[] };
type Values = Record<"title" | "dept" | "slug" | "tags" | "body" | "excerpt", string>;

const savedValues = (a?: ArticleFormSource): Values => ({ title: a?.title ?? "", dept: a?.dept ?? "", slug: a?.slug ?? "", tags: a?.tags ?? "", body: a?.body ?? "", excerpt: a?.excerpt ?? "" });

export function ArticleForm({ article, existingTags }: Props) {
  const [state, action] = useActionState<ArticleFormState, FormData>(saveArticleAction, {});
  const formRef = useRef<HTMLFormElement>(null);
  const saved = savedValues(article);
  useUnsavedGuard(formRef, saved);
  // After a failed save or a preview, the form is rebuilt from what was typed (never lost).
  return (
    <form ref={formRef} action={action} className="form article-form" noValidate key={JSON.stringify(state.values ?? {})}>
      <ArticleFields state={state} values={{ ...saved, ...state.values }} article={article} existingTags={existingTags} />
    </form>
  );
}

function ArticleFields({ state, values: v, article, existingTags }: { state: ArticleFormState; values: Values & { publishAt?: string } } & Props) {
  const [title, setTitle] = useState(v.title);
  const [body, setBody] = useState(v.body);
  const errors = state.errors ?? {};
  const slugHint = !article
    ? "The article's address, /articles/…. Left blank, it comes from the title."
    : article.state === "published"
      ? "The article's address. If you change it, the old address redirects to the new one."
      : "The article's address, /articles/….";
  return (
    <>
      <FormMessage state={state} />
      {article ? <input type="hidden" name="articleId" value={article.id} /> : null}
      <Field id="article-title" name="title" label="Title" maxLength={TITLE_MAX} defaultValue={v.title} error={errors.title} onInput={(e) => setTitle(e.currentTarget.value)} />
      <Field id="article-dept" name="dept" label="Dept" maxLength={DEPT_MAX + 20} defaultValue={v.dept} error={errors.dept} hint='Shown as "from the … dept": write the middle, e.g. not-how-it-works.' />
      <Field id="article-slug" name="slug" label="Slug" maxLength={SLUG_MAX} defaultValue={v.slug} placeholder={title.trim() ? slugFromTitle(title) : undefined} error={errors.slug} hint={slugHint} />
      <TagField defaultValue={v.tags} existingTags={existingTags} error={errors.tags} />
      <BodyField defaultValue={v.body} error={errors.body} onInput={setBody} />
      <LivePreview body={body} initialHtml={state.previewHtml ?? article?.previewHtml} />
      <Field id="article-excerpt" name="excerpt" label="Excerpt" multiline maxLength={EXCERPT_MAX} defaultValue={v.excerpt} error={errors.excerpt} hint="Optional: shown in lists and feeds. Left blank, the start of the body is used." />
      <fieldset className="publish-box">
        <legend>Publishing</legend>
        <p className="field__hint">{publishHint(article)}</p>
        <ScheduleField
          defaultValue={v.publishAt ?? article?.scheduledLocal ?? ""}
          scheduledFor={article?.state === "scheduled" ? article.publishedAt : null}
          isTyped={v.publishAt !== undefined}
          error={errors.publishAt}
        />
        {errors.intent ? <p className="field__error">{errors.intent}</p> : null}
        <div className="form-actions">
          {/* First, so that Enter in a text field saves a draft rather than publishing. */}
          <IntentButton intent="draft">Save draft</IntentButton>
          <IntentButton intent="schedule">Schedule</IntentButton>
          <IntentButton intent="publish" primary>
            Publish
          </IntentButton>
          <IntentButton intent="preview">Preview</IntentButton>
        </div>
      </fieldset>
    </>
  );
}

function publishHint(article?: ArticleFormSource): string {
  if (article?.state === "scheduled" && article.publishedAt) {
    return `Scheduled for ${formatDateTime(article.publishedAt)}. Publish puts it on the site now; Save draft takes it off the schedule.`;
  }
  if (article?.state === "published" && article.publishedAt) {
    return `Published ${formatDateTime(article.publishedAt)}. Publish saves your changes and marks the article Updated; Save draft takes it off the site.`;
  }
  return "Save draft keeps it to yourself. Publish puts it on the site now; Schedule, at the time you choose.";
}

function BodyField({ defaultValue, error, onInput }: { defaultValue: string; error?: string; onInput: (value: string) => void }) {
  const id = "article-source";
  const describedBy = [`${id}-hint`, error ? `${id}-error` : null].filter(Boolean).join(" ");
  return (
    <div className={`field${error ? " field--error" : ""}`}>
      <label htmlFor={id}>Body</label>
      <p className="field__hint" id={`${id}-hint`}>
        Markdown: ## headings, *emphasis*, **bold**, [links](https://example.com), ![images](https://example.com/a.png), &gt; quotes, lists, `code`.
      </p>
      <KeptTextarea id={id} name="body" rows={18} maxLength={BODY_MAX} defaultValue={defaultValue} aria-invalid={error ? true : undefined} aria-describedby={describedBy} onInput={(e) => onInput(e.currentTarget.value)} />
      {error ? (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

function IntentButton({ intent, primary = false, children }: { intent: string; primary?: boolean; children: string }) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" name="intent" value={intent} className={primary ? "button" : "button button--secondary"} disabled={pending} aria-disabled={pending}>
      {children}
    </button>
  );
}
