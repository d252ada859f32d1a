import { z } from "zod";
import { BODY_MAX, DEPT_MAX, EXCERPT_MAX, TAG_MAX, TAGS_MAX, TITLE_MAX } from "./limits";

import type { FormState } from "../forms";
import { cleanText } from "../text";
import { localInputToDate, parseTzOffset } from "./local-time";
import { SLUG_PATTERN, slugify } from "./slug";

// Re-exported for the server side; client forms import ./limits directly (no zod there).
export { BODY_MAX, DEPT_MAX, EXCERPT_MAX, TAG_MAX, TAGS_MAX, TITLE_MAX };

/** The fields of the write form, in the order the form shows them (also what a failed save keeps). */
export const ARTICLE_FIELDS = ["articleId", "title", "dept", "slug", "tags", "body", "excerpt", "publishAt", "tzOffset"] as const;

export type ArticleFormState = FormState & { previewHtml?: string };

const line = (s: string) => cleanText(s).replace(/\s+/g, " ").trim();

const Title = z
  .string()
  .transform(line)
  .pipe(z.string().min(1, "Give the article a title.").max(TITLE_MAX, `Keep the title to ${TITLE_MAX} characters or fewer.`));

// People type the whole line ("from the not-how-it-works dept") as often as the middle of it;
// the page adds "from the" and "dept" itself. Words are joined with hyphens, as the dept line is.
const Dept = z
  .string()
  .transform((s) =>
    line(s)
      .replace(/^from\s+the\s+/i, "")
      .replace(/(^|\s+)dept\.?$/i, "")
      .trim()
      .replace(/\s+/g, "-"),
  )
  .pipe(z.string().min(1, 'Fill in the dept line: "from the … dept".').max(DEPT_MAX, `Keep the dept line to ${DEPT_MAX} characters or fewer.`));

// Blank means "derive it from the title" (a new article) or "keep it" (an existing one).
const Slug = z
  .string()
  .transform((s) => line(s).toLowerCase())
  .pipe(z.union([z.literal("").transform(() => undefined), z.string().regex(SLUG_PATTERN, "Use lower-case letters, digits and hyphens (up to 200), starting with a letter or digit.")]));

export type TagInput = { name: string; slug: string };

// Linear in the input whatever it holds (100 KiB of distinct tags, or of bad ones): tags are
// de-duplicated through a set, and each kind of problem is reported once, for its first tag, so
// neither the work nor the answer grows with the square or the count of what was sent.
const Tags = z.string().transform((raw, ctx): TagInput[] => {
  const tags: TagInput[] = [];
  const seen = new Set<string>();
  let tooLong: string | undefined;
  let unusable: string | undefined;
  for (const part of raw.split(",")) {
    const name = line(part);
    if (!name) continue;
    const slug = slugify(name, TAG_MAX);
    if (name.length > TAG_MAX) tooLong ??= name;
    else if (!slug) unusable ??= name;
    // "Privacy" and "privacy" are one tag.
    if (seen.has(slug)) continue;
    seen.add(slug);
    tags.push({ name, slug });
  }
  // `continue: true` lets the other fields report their problems in the same answer.
  if (tooLong !== undefined) ctx.addIssue({ code: "custom", continue: true, message: `Keep each tag to ${TAG_MAX} characters or fewer ("${tooLong.slice(0, 20)}…").` });
  if (unusable !== undefined) ctx.addIssue({ code: "custom", continue: true, message: `Each tag needs a letter or digit ("${unusable}").` });
  if (tags.length > TAGS_MAX) ctx.addIssue({ code: "custom", continue: true, message: `Use at most ${TAGS_MAX} tags.` });
  return tags;
});

// Leading spaces can be Markdown (an indented code block), so only the end is trimmed.
const Body = z
  .string()
  .transform((s) => cleanText(s, { multiline: true }).trimEnd())
  .pipe(z.string().max(BODY_MAX, `Keep the article to ${BODY_MAX.toLocaleString("en-US")} characters or fewer.`).refine((s) => s.trim() !== "", "Write the article first."));

// Blank means "derive it from the body".
const Excerpt = z
  .string()
  .transform((s) => line(s))
  .pipe(z.string().max(EXCERPT_MAX, `Keep the excerpt to ${EXCERPT_MAX} characters or fewer.`))
  .transform((s) => s || null);

const ArticleId = z.union([z.literal("").transform(() => undefined), z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "Unknown article.")]);

export const ArticleInput = z.object({ title: Title, dept: Dept, slug: Slug, tags: Tags, body: Body, excerpt: Excerpt });
export type ArticleInput = z.infer<typeof ArticleInput>;

/** What a press of "Save draft", "Publish" or "Schedule" asks for. */
export type Publication = { intent: "draft" } | { intent: "publish" } | { intent: "schedule"; publishAt: Date };

const scheduledTime = (input: { publishAt: string; tzOffset: string }) => localInputToDate(input.publishAt, parseTzOffset(input.tzOffset));

export const SaveArticleInput = ArticleInput.extend({
  articleId: ArticleId,
  intent: z.enum(["draft", "publish", "schedule"], { error: "Choose Save draft, Publish or Schedule." }),
  publishAt: z.string(),
  tzOffset: z.string(),
})
  // Only "Schedule" needs a time, and it must still be ahead when the save arrives.
  .superRefine((input, ctx) => {
    if (input.intent !== "schedule") return;
    const at = scheduledTime(input);
    if (!at) ctx.addIssue({ code: "custom", path: ["publishAt"], message: "Choose the date and time to publish at." });
    else if (at.getTime() <= Date.now()) ctx.addIssue({ code: "custom", path: ["publishAt"], message: "Choose a time in the future, or press Publish to publish now." });
  })
  .transform(({ intent, publishAt, tzOffset, articleId, ...article }) => {
    const publication: Publication = intent === "schedule" ? { intent, publishAt: scheduledTime({ publishAt, tzOffset })! } : { intent };
    return { articleId, article, publication };
  });
export type SaveArticleInput = z.infer<typeof SaveArticleInput>;
