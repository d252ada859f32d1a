// The "done" message after a First Word / Last Word claim made with JavaScript. The claim ends in
// a full load of the article (cached, the same for everyone), so the message is handed over in
// the tab's sessionStorage and shown once, next to the spotlight, by the page's script.
const KEY = "dept:spotlight-claimed";

export type ClaimNotice = { kind: "first" | "last"; cost: number };

/** Where a claim made without JavaScript lands: a notice in the spotlight box, shown as the :target. */
export const claimedNoticeId = (kind: ClaimNotice["kind"]) => `${kind}-word-claimed`;

export function rememberSpotlightClaim(kind: ClaimNotice["kind"], cost: number): void {
  try {
    sessionStorage.setItem(KEY, JSON.stringify({ kind, cost }));
  } catch {
    // Storage refused (private mode, quota): the spotlight still shows, without the message.
  }
}

/** The claim just made in this tab, if any; it is given out once. */
export function takeSpotlightClaim(): ClaimNotice | null {
  try {
    const raw = sessionStorage.getItem(KEY);
    if (!raw) return null;
    sessionStorage.removeItem(KEY);
    const value = JSON.parse(raw) as Partial<ClaimNotice>;
    if ((value.kind === "first" || value.kind === "last") && typeof value.cost === "number") return { kind: value.kind, cost: value.cost };
  } catch {
    // Unreadable: no message.
  }
  return null;
}

export function claimNoticeText({ kind, cost }: ClaimNotice): string {
  return `Done: this comment is now the ${kind === "first" ? "First Word" : "Last Word"}. ${cost} credit${cost === 1 ? "" : "s"} spent.`;
}
