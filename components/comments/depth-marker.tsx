// Past a few levels the indent stops growing (a phone has no room for it), so each reply from
// there on says how deep it sits and whom it answers, with a link back up the thread.
export const INDENT_CAP_DEPTH = 4;

export function DepthMarker({ depth, parent }: { depth: number; parent: { id: string; name: string } }) {
  if (depth < INDENT_CAP_DEPTH) return null;
  return (
    <p className="comment__depth">
      <span className="comment__depth-bars" aria-hidden="true">
        {"│".repeat(Math.min(depth, 12))}
      </span>{" "}
      Level {depth + 1}, in reply to <a href={`#comment-${parent.id}`}>{parent.name}</a>
    </p>
  );
}
