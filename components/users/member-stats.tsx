import { pluralize } from "@/lib/format";
import type { MemberStats as Stats } from "@/lib/users/activity";

export function MemberStats({ stats }: { stats: Stats }) {
  return (
    <ul className="profile-stats" aria-label="Community ratings">
      <li>{pluralize(stats.comments, "comment")}</li>
      <li>{pluralize(stats.insightfulRatings, "insightful rating")}</li>
      <li>{pluralize(stats.funnyRatings, "funny rating")}</li>
      <li>{pluralize(stats.insightfulBadges, "Insightful badge")}</li>
      <li>{pluralize(stats.funnyBadges, "Funny badge")}</li>
    </ul>
  );
}
