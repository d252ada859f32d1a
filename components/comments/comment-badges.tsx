import { BADGE_SENTENCES, type Badges } from "@/lib/comments/badges";

export function CommentBadges({ badges }: { badges: Badges }) {
  if (!badges.insightful && !badges.funny) return null;
  return (
    <ul className="badges">
      {badges.insightful ? (
        <li className="badge badge--insightful">
          <span className="badge__label">Insightful</span> {BADGE_SENTENCES.insightful}
        </li>
      ) : null}
      {badges.funny ? (
        <li className="badge badge--funny">
          <span className="badge__label">Funny</span> {BADGE_SENTENCES.funny}
        </li>
      ) : null}
    </ul>
  );
}
