import { RepliesFeedForm } from "./replies-feed-form";

/**
 * The member's private replies feed. The address carries a secret token, so it is shown only
 * here, to its owner; making a new one is how a leaked address is shut.
 */
export function RepliesFeedSettings({ feedUrl }: { feedUrl: string | null }) {
  if (!feedUrl) {
    return (
      <>
        <p>A private RSS feed of the replies to your comments, for your feed reader. Its address is secret: anyone who has it can read the replies.</p>
        <RepliesFeedForm intent="create" />
      </>
    );
  }
  return (
    <>
      <p>Add this address to your feed reader to follow the replies to your comments. Keep it to yourself: anyone who has it can read them.</p>
      <div className="field">
        <label htmlFor="replies-feed-url">Your private feed address</label>
        <input id="replies-feed-url" type="text" readOnly value={feedUrl} aria-describedby="replies-feed-hint" />
        <p id="replies-feed-hint" className="field__hint">
          If the address has leaked, make a new one: the old address stops working at once.
        </p>
      </div>
      <RepliesFeedForm intent="regenerate" />
    </>
  );
}
