import "server-only";
import type { Viewer } from "../auth/viewer";
import { env } from "../env";
import { repliesFeedPath } from "./replies-feed";
import { getRepliesFeedToken } from "./replies-feed-token";

/** The viewer's own private feed address, or null before they have made one. */
export async function repliesFeedUrlFor(viewer: Viewer): Promise<string | null> {
  const token = await getRepliesFeedToken(viewer.id);
  return token ? `${env().siteUrl}${repliesFeedPath(viewer.handle, token)}` : null;
}
