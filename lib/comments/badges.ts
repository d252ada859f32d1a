import type { SiteSettings } from "../settings/defaults";

export type Badges = { insightful: boolean; funny: boolean };

// The community's verdict as readers see it: a badge past the site's threshold, never a count.
export function badgesFor(counts: { insightfulCount: number; funnyCount: number }, settings: SiteSettings): Badges {
  return { insightful: counts.insightfulCount >= settings.insightfulBadgeThreshold, funny: counts.funnyCount >= settings.funnyBadgeThreshold };
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
