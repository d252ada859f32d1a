"use client";

import Link from "next/link";
import { useViewer } from "./use-viewer";

/**
 * Where a reader would write a comment. Signed-out readers (and everyone without JavaScript)
 * get the way in, returning here afterwards.
 */
export function CommentGate({ articlePath }: { articlePath: string }) {
  const viewer = useViewer();
  const back = encodeURIComponent(`${articlePath}#leave-a-comment`);
  if (viewer?.signedIn) {
    return (
      <p>
        Signed in as <Link href={`/users/${viewer.handle}`}>{viewer.name}</Link>.
      </p>
    );
  }
  return (
    <p className="comment-gate">
      Have an account? <Link href={`/signin?callbackUrl=${back}`}>Sign in now</Link>. Want one?{" "}
      <Link href={`/register?callbackUrl=${back}`}>Register here</Link>
    </p>
  );
}
