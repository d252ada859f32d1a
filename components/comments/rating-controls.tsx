"use client";

import { useState, type FormEvent } from "react";
import { useViewer } from "@/components/auth/use-viewer";
import type { RatingCounts } from "@/lib/ratings/queries";

type Control = "insightful" | "funny" | "flag";
export type RatingState = { insightful: boolean; funny: boolean; flag: boolean; own: boolean; counts?: RatingCounts };

type Props = { commentId: string; articleId: string; initial?: RatingState };

/** This viewer's state for one comment, from the shared viewer request of the article page. */
function useRatingState(commentId: string, articleId: string, initial?: RatingState): RatingState | undefined {
  const viewer = useViewer(initial ? undefined : articleId);
  if (initial) return initial;
  const r = viewer?.ratings;
  if (!r) return undefined;
  const votes = r.votes[commentId] ?? [];
  return { insightful: votes.includes("insightful"), funny: votes.includes("funny"), flag: r.flagged.includes(commentId), own: r.own.includes(commentId), counts: r.counts[commentId] };
}

const capitalize = (word: string) => word[0].toUpperCase() + word.slice(1);

// The full sentence is the control's name (what a screen reader says and tests look for); the
// short word, which it contains, is what fits under every comment.
function Label({ name, shown }: { name: string; shown: string }) {
  return (
    <>
      <span className="visually-hidden">{name}</span>
      <span aria-hidden="true">{shown}</span>
    </>
  );
}

function Counts({ counts, own }: { counts?: RatingCounts; own: boolean }) {
  if (!counts) return null;
  return (
    <span className="rating__counts">
      {own ? "Your comment: " : "Seen by moderators: "}
      {counts.insightful} insightful · {counts.funny} funny · flag weight {counts.flagWeight}
    </span>
  );
}

/**
 * "Rate this comment as insightful/funny" and "Flag this comment as abusive/trolling/spam". Each
 * is a plain form (it works before JavaScript loads, or without it); once interactive, a use
 * updates in place at once and is rolled back if the server refuses it.
 */
export function RatingControls({ commentId, articleId, initial }: Props) {
  const known = useRatingState(commentId, articleId, initial);
  const [override, setOverride] = useState<Partial<Record<Control, boolean>>>({});
  const [error, setError] = useState("");
  const [busy, setBusy] = useState<Control | null>(null);
  const state = (control: Control) => override[control] ?? known?.[control] ?? false;
  const action = `/api/comments/${commentId}/rating`;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form, (event.nativeEvent as SubmitEvent).submitter);
    const control = data.get("control") as Control;
    const wanted = data.get("on") === "1";
    const before = override[control];
    setOverride((o) => ({ ...o, [control]: wanted }));
    setBusy(control);
    setError("");
    form.closest("details")?.removeAttribute("open");
    try {
      const response = await fetch(action, { method: "POST", body: data, headers: { Accept: "application/json" } });
      const answer = (await response.json().catch(() => ({}))) as { on?: boolean; message?: string };
      if (!response.ok) throw new Error(answer.message ?? "That did not work. Please try again.");
      setOverride((o) => ({ ...o, [control]: answer.on ?? wanted }));
    } catch (failure) {
      setOverride((o) => ({ ...o, [control]: before }));
      setError(failure instanceof Error && failure.message !== "Failed to fetch" ? failure.message : "Could not reach the site. Please try again.");
    } finally {
      setBusy(null);
    }
  }

  if (known?.own) {
    return (
      <div className="rating">
        <Counts counts={known.counts} own />
      </div>
    );
  }
  const vote = (control: "insightful" | "funny") => {
    const on = state(control);
    return (
      <form method="post" action={action} onSubmit={submit} className="rating__form">
        <input type="hidden" name="control" value={control} />
        <input type="hidden" name="on" value={on ? "0" : "1"} />
        <button type="submit" className={`rating__button${on ? " is-on" : ""}`} disabled={busy === control}>
          <Label name={on ? `You have rated this comment as ${control}` : `Rate this comment as ${control}`} shown={`${on ? "✓ " : ""}${capitalize(control)}`} />
        </button>
      </form>
    );
  };
  const flagged = state("flag");
  return (
    <div className="rating">
      {vote("insightful")}
      {vote("funny")}
      {flagged ? (
        <form method="post" action={action} onSubmit={submit} className="rating__form">
          <input type="hidden" name="control" value="flag" />
          <input type="hidden" name="on" value="0" />
          <button type="submit" className="rating__button is-on" disabled={busy === "flag"}>
            <Label name="You have flagged this comment" shown="⚑ Flagged" />
          </button>
        </form>
      ) : (
        <details className="flag-menu">
          <summary className="rating__button">
            <Label name="Flag this comment as abusive/trolling/spam" shown="Flag" />
          </summary>
          <form method="post" action={action} onSubmit={submit} className="flag-menu__choices">
            <input type="hidden" name="control" value="flag" />
            <input type="hidden" name="on" value="1" />
            <span className="flag-menu__label">Flag as:</span>
            {(["abusive", "trolling", "spam"] as const).map((reason) => (
              <button key={reason} type="submit" name="reason" value={reason} className="rating__button" disabled={busy === "flag"}>
                <Label name={`Flag as ${reason}`} shown={capitalize(reason)} />
              </button>
            ))}
          </form>
        </details>
      )}
      <Counts counts={known?.counts} own={false} />
      {error ? (
        <p className="rating__error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
