// Kicks the sender once the response has gone (Next's after()), from the places where a comment
// becomes visible: a post, a moderator's approval.
import "server-only";
import { after } from "next/server";
import { kickSender } from "./sender";

export function kickSenderAfterResponse(): void {
  try {
    after(() => kickSender());
  } catch {
    // Outside a request (scripts, tests calling the write directly): they drain for themselves.
  }
}
