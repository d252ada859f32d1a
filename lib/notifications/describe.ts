// The words of a notification: one plain sentence per kind, built from what the list query read.
// Pure (no database), so the wording is tested on its own and the same on every page that shows it.
import { authorName } from "../comments/author-name";
import type { CommentAuthor } from "../comments/types";
import { excerptOf } from "../markdown/render";

/** What describe needs: the comment as a reader may see it (`subject` already made public). */
export type DescribeInput = {
  kind: string;
  detail: string | null;
  articleTitle: string;
  comment: { subject: string; body: string; author: CommentAuthor; isPublic: boolean } | null;
};

export type Description = { sentence: string; actorName: string | null };

const QUOTE_MAX = 80;

/** How the comment is named in quotes: its subject, else the start of its text. */
function quoted(comment: DescribeInput["comment"]): string {
  if (!comment) return "";
  const words = comment.subject.trim() || excerptOf(comment.body, QUOTE_MAX);
  return words ? ` “${words}”` : "";
}

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

export function describeNotification(input: DescribeInput): Description {
  const { kind, detail, articleTitle: article, comment } = input;
  const actor = comment && (kind === "reply" || kind === "followed") ? authorName(comment.author) : null;
  switch (kind) {
    case "reply":
      return { actorName: actor, sentence: `${actor ?? "Someone"} replied to your comment on ${article}:${quoted(comment)}` };
    case "followed":
      return { actorName: actor, sentence: `${actor ?? "Someone"} posted${quoted(comment)} in a discussion you follow: ${article}` };
    case "badge":
      return { actorName: null, sentence: `Your comment${quoted(comment)} on ${article} was rated ${detail === "funny" ? "funny" : "insightful"} by the community` };
    case "spotlight":
      return { actorName: null, sentence: `Your comment${quoted(comment)} was made the ${detail === "last" ? "Last Word" : "First Word"} of ${article}` };
    case "hidden":
      // The detail is already a phrase ("Hidden after readers flagged it as spam").
      return { actorName: null, sentence: `Your comment${quoted(comment)} on ${article} ${detail ? `was taken down: ${lowerFirst(detail)}` : "was hidden"}` };
    case "report": {
      // The reported comment is named only while everyone may still read it: an upheld report's
      // comment is hidden or removed, and its words must not travel further.
      const which = comment?.isPublic ? `the comment${quoted(comment)}` : "a comment";
      return detail === "upheld"
        ? { actorName: null, sentence: `A moderator upheld your report on ${which} on ${article}` }
        : { actorName: null, sentence: `A moderator found nothing wrong with ${which} you reported on ${article}` };
    }
    default:
      return { actorName: null, sentence: `Something happened to a comment on ${article}` };
  }
}
