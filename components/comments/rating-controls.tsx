"use client";

import { useEffect, useRef, useState, type FormEvent, type MouseEvent } from "react";
import { useInteractive } from "@/components/ui/use-interactive";
import { useViewer } from "@/components/auth/use-viewer";
import type { RatingCounts } from "@/lib/ratings/queries";
import { ratingStateOf, type RatingState } from "@/lib/ratings/state";
import { fromVoteButton, THREAD_VOTE_FORM } from "@/lib/ratings/vote-button";
import { useLineMenu } from "./use-line-menu";

type Control = "insightful" | "funny" | "flag";
export type { RatingState };

type Props = {
  commentId: string;
  articleId: string;
  initial?: RatingState;
  /**
   * On a comment's action line (one per comment on the page): before JavaScript the flag menu is
   * a link to the comment's rating page, and once interactive a menu button whose reasons are built
   * only when open. Elsewhere (the comment's own pages) it is a <details>, which opens without script.
   */
  compact?: boolean;
};

/** This viewer's state for one comment, from the shared viewer request of the article page. */
function useRatingState(commentId: string, articleId: string, initial?: RatingState): RatingState | undefined {
  const viewer = useViewer(initial ? undefined : articleId);
  if (initial) return initial;
  return viewer?.ratings ? ratingStateOf(viewer.ratings, commentId) : undefined;
}

const capitalize = (word: string) => word[0].toUpperCase() + word.slice(1);
// Each control's name is the full sentence (what a screen reader says and tests look for); the
// short word it shows, which the name contains, is what fits on the comment's action line.
const FLAG_NAME = "Flag this comment as abusive/trolling/spam";

function Counts({ counts, own }: { counts?: RatingCounts; own: boolean }) {
  if (!counts) return null;
  return (
    <span className="rating__counts">
      {own ? "Your comment: " : "Seen by moderators: "}
      {counts.insightful} insightful · {counts.funny} funny · flag weight {counts.flagWeight}
    </span>
  );
}

/** Marks the comment hidden in the page at once: the cached page shows it only on the next load. */
function showHidden(from: Element) {
  from.closest("li.comment")?.setAttribute("data-hidden-now", "");
}

/**
 * "Rate this comment as insightful/funny" and "Flag this comment as abusive/trolling/spam". Each
 * is a plain form (it works before JavaScript loads, or without it); once interactive, a use
 * updates in place at once and is rolled back if the server refuses it. A control in use stays
 * focusable (aria-disabled, not disabled), so the keyboard's place is never lost to <body>.
 */
export function RatingControls({ commentId, articleId, initial, compact = false }: Props) {
  const interactive = useInteractive();
  const flagMenu = useLineMenu();
  const known = useRatingState(commentId, articleId, initial);
  const [override, setOverride] = useState<Partial<Record<Control, boolean>>>({});
  const [error, setError] = useState("");
  const [hiddenNow, setHiddenNow] = useState<"moderator" | "community" | null>(null);
  // Controls with a request in flight: using one again meanwhile does nothing (the others stay usable).
  const [busy, setBusy] = useState<Partial<Record<Control, boolean>>>({});
  const inFlight = useRef(new Set<Control>());
  // Flagging swaps the menu for a "flagged" button (and back): focus follows to it.
  const refocusFlag = useRef(false);
  // The vote form, or on the action line the first vote button: its parent holds the controls.
  const votes = useRef<HTMLFormElement>(null);
  const firstVote = useRef<HTMLButtonElement>(null);
  const area = () => (votes.current ?? firstVote.current)?.parentElement ?? null;
  const state = (control: Control) => override[control] ?? known?.[control] ?? false;
  const action = `/api/comments/${commentId}/rating`;
  const flagged = state("flag");

  useEffect(() => {
    if (!refocusFlag.current) return;
    refocusFlag.current = false;
    area()?.querySelector<HTMLElement>(".action--flag")?.focus();
  }, [flagged]);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    void send(new FormData(form, (event.nativeEvent as SubmitEvent).submitter), form);
  }

  // A vote button on the action line, which submits the thread's shared form when not interactive.
  function click(event: MouseEvent<HTMLButtonElement>) {
    event.preventDefault();
    const button = event.currentTarget;
    const data = new FormData();
    data.set(button.name, button.value);
    void send(data, button);
  }

  async function send(data: FormData, from: HTMLElement) {
    // Sent as it is; read here as the server reads it (a vote button names control and state).
    const fields = fromVoteButton(Object.fromEntries(data)) as { control?: unknown; on?: unknown };
    const control = fields.control as Control;
    if (inFlight.current.has(control)) return;
    inFlight.current.add(control);
    const wanted = fields.on === "1";
    const before = override[control];
    if (control === "flag") refocusFlag.current = from.contains(document.activeElement);
    setOverride((o) => ({ ...o, [control]: wanted }));
    setBusy((b) => ({ ...b, [control]: true }));
    setError("");
    from.closest("details.flag-menu")?.removeAttribute("open");
    flagMenu.close();
    try {
      const response = await fetch(action, { method: "POST", body: data, headers: { Accept: "application/json" } });
      const answer = (await response.json().catch(() => ({}))) as { on?: boolean; hiddenBy?: "moderator" | "community" | null; message?: string };
      if (!response.ok) throw new Error(answer.message ?? "That did not work. Please try again.");
      setOverride((o) => ({ ...o, [control]: answer.on ?? wanted }));
      const controls = area();
      if (control === "flag" && answer.hiddenBy && controls && !controls.closest("details.flagged")) {
        showHidden(controls);
        setHiddenNow(answer.hiddenBy);
      }
    } catch (failure) {
      if (control === "flag") refocusFlag.current = area()?.contains(document.activeElement) ?? false;
      setOverride((o) => ({ ...o, [control]: before }));
      setError(failure instanceof Error && failure.message !== "Failed to fetch" ? failure.message : "Could not reach the site. Please try again.");
    } finally {
      inFlight.current.delete(control);
      setBusy((b) => ({ ...b, [control]: false }));
    }
  }

  if (known?.own) {
    return (
      <div className="rating">
        <Counts counts={known.counts} own />
      </div>
    );
  }
  // On the action line a vote button submits the thread's one form to its comment's address.
  const ownForm = compact ? { form: THREAD_VOTE_FORM, formAction: action, onClick: click } : {};
  const vote = (control: "insightful" | "funny") => {
    const on = state(control);
    return (
      <button
        type="submit"
        name="set"
        value={`${control}.${on ? "0" : "1"}`}
        className={`action action--${control}${on ? " is-on" : ""}`}
        aria-disabled={busy[control] || undefined}
        aria-label={on ? `You have rated this comment as ${control}` : `Rate this comment as ${control}`}
        ref={control === "insightful" ? firstVote : undefined}
        {...ownForm}
      >
        {capitalize(control)}
      </button>
    );
  };
  const reasons = (id?: string) => (
    <form method="post" action={action} onSubmit={submit} className="flag-menu__choices menu__panel" id={id}>
      <input type="hidden" name="control" value="flag" />
      <input type="hidden" name="on" value="1" />
      <span className="flag-menu__label">Flag as:</span>
      {(["abusive", "trolling", "spam"] as const).map((reason) => (
        <button key={reason} type="submit" name="reason" value={reason} className="menu__item" aria-disabled={busy.flag || undefined} aria-label={`Flag as ${reason}`}>
          {capitalize(reason)}
        </button>
      ))}
    </form>
  );
  const voteButtons = (
    <>
      {vote("insightful")}
      {vote("funny")}
      {flagged ? (
        <button type="submit" name="set" value="flag.0" className="action action--flag is-on" aria-disabled={busy.flag || undefined} aria-label="You have flagged this comment" {...ownForm}>
          Flagged
        </button>
      ) : null}
    </>
  );
  const controls = (
    <>
      {compact ? (
        voteButtons
      ) : (
        <form method="post" action={action} onSubmit={submit} className="rating__form" ref={votes}>
          {voteButtons}
        </form>
      )}
      {flagged ? null : !compact ? (
        <details className="flag-menu menu">
          <summary className="action action--flag" aria-label={FLAG_NAME}>
            Flag
          </summary>
          {reasons()}
        </details>
      ) : interactive ? (
        <>
          <button {...flagMenu.buttonProps} className="action action--flag" aria-label={FLAG_NAME}>
            Flag
          </button>
          {flagMenu.open ? reasons(flagMenu.panelId) : null}
        </>
      ) : (
        <a href={`/comments/${commentId}/rate`} className="action action--flag" aria-label={FLAG_NAME}>
          Flag
        </a>
      )}
      <Counts counts={known?.counts} own={false} />
      {hiddenNow ? (
        <p className="rating__notice" role="status">
          {hiddenNow === "moderator" ? "This comment has been hidden by a moderator." : "This comment has been flagged by the community and is now hidden."} Readers see it
          folded away.
        </p>
      ) : null}
      {error ? (
        <p className="rating__error" role="alert">
          {error}
        </p>
      ) : null}
    </>
  );
  // On the action line the controls sit in the line itself (one element less per comment).
  return compact ? controls : <div className="rating">{controls}</div>;
}
