export function CommentBadges({ badges }: { badges: { insightful: boolean; funny: boolean } }) {
  if (!badges.insightful && !badges.funny) return null;
  return (
    <ul className="badges">
      {badges.insightful ? (
        <li className="badge badge--insightful">
          <span className="badge__label">Insightful</span> This comment has been deemed insightful by the community.
        </li>
      ) : null}
      {badges.funny ? (
        <li className="badge badge--funny">
          <span className="badge__label">Funny</span> This comment has been deemed funny by the community.
        </li>
      ) : null}
    </ul>
  );
}
