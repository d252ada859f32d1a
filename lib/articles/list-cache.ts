import "server-only";
import { tagListing } from "../cache/revalidate";
import { getNextPublicationAt } from "./queries";
import { holdListingUntil } from "./reveal";

/**
 * Called while rendering any cached list of articles (page or feed): a save expires it, a write
 * to the discussion of an article it shows a card of (`cards`) expires it, and so does the
 * moment the next scheduled article appears. `now`: the clock the list was read with, so that an
 * article appearing while it renders is not missed by both the list and the expiry.
 */
export async function cacheArticleList(now: Date, cards: string[] = []): Promise<void> {
  await Promise.all([tagListing(cards), getNextPublicationAt(now).then((next) => holdListingUntil(next, now.getTime()))]);
}
