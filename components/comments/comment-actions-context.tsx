"use client";

import { createContext, useContext, useEffect, useMemo, type ReactNode } from "react";
import { claimNoticeText, takeSpotlightClaim } from "@/lib/spotlights/claim-notice";
import type { SpotlightOffer } from "@/lib/spotlights/schemas";
import { watchSelections } from "./quote-selection";
import type { ReplyContext } from "./reply-control";

export type ActionsContext = { reply: ReplyContext; offer: SpotlightOffer };

const Context = createContext<ActionsContext | null>(null);

/** What every comment's action line on the page shares, given once rather than to each comment. */
export function useActionsContext(): ActionsContext {
  const context = useContext(Context);
  if (!context) throw new Error("CommentActions needs a CommentActionsProvider around the thread");
  return context;
}

/** The "done" message of a spotlight claim just made in this tab, put next to the spotlight once. */
function showClaimNotice() {
  const claim = takeSpotlightClaim();
  const spot = claim && document.getElementById(`${claim.kind}-word`);
  if (!claim || !spot) return;
  const message = document.createElement("p");
  message.className = "form-message form-message--ok spotlight__done";
  message.setAttribute("role", "status");
  message.textContent = claimNoticeText(claim);
  spot.querySelector("h3")?.after(message);
}

/**
 * Around the thread: the article's reply context and spotlight offer for every action line, and
 * the page-wide listeners (selection for "Quote", the spotlight notice) set up once instead
 * of once per comment.
 */
export function CommentActionsProvider({ reply, offer, children }: ActionsContext & { children: ReactNode }) {
  const value = useMemo(() => ({ reply, offer }), [reply, offer]);
  useEffect(() => {
    watchSelections();
    showClaimNotice();
  }, []);
  return <Context.Provider value={value}>{children}</Context.Provider>;
}
