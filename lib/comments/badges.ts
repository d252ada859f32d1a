import type { SiteSettings } from "../settings/defaults";

export type Badges = { insightful: boolean; funny: boolean };

// The community's verdict as readers see it: a badge once trusted voices reach the site's
// threshold (lib/trust), never a count.
export function badgesFor(weights: { insightfulWeight: number; funnyWeight: number }, settings: SiteSettings): Badges {
  return { insightful: weights.insightfulWeight >= settings.insightfulBadgeThreshold, funny: weights.funnyWeight >= settings.funnyBadgeThreshold };
}

export const BADGE_SENTENCES = {
  insightful: "This comment has been deemed insightful by the community.",
  funny: "This comment has been deemed funny by the community.",
} as const;

/** The badge lines as HTML for feeds (fixed text, nothing user-written). */
export function badgesHtml(badges: Badges): string {
  return (["insightful", "funny"] as const)
    .filter((kind) => badges[kind])
    .map((kind) => `<p><strong>${kind === "insightful" ? "Insightful" : "Funny"}:</strong> ${BADGE_SENTENCES[kind]}</p>`)
    .join("");
}
