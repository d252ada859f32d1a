import { Field } from "@/components/forms/field";
import { ANONYMOUS_NAME } from "@/lib/words";

type Props = {
  id: (name: string) => string;
  values: Record<string, string>;
  errors?: Record<string, string>;
  /** Shown only once the page runs scripts: the box works through the browser's storage. */
  canRemember: boolean;
  remember: boolean;
  onRememberChange: (remember: boolean) => void;
};

// The tag is a keyed hash of the visitor cookie and the article (lib/visitor.ts anonymousTag).
const TAG_HINT = `Leave blank to post as "${ANONYMOUS_NAME}". Either way a short tag such as "· 3f9a" follows the name: the same on all your comments on this article (it comes from this browser), different on every other article, and it tells no one who you are.`;

/** Name, email and website for posting without an account. */
export function AnonFields({ id, values, errors, canRemember, remember, onRememberChange }: Props) {
  return (
    <fieldset className="anon-fields">
      <legend>Posting without an account</legend>
      <p className="field__hint">Your email address will not be published. Required fields are marked *</p>
      <Field id={id("anonName")} name="anonName" label="Name" maxLength={60} defaultValue={values.anonName} error={errors?.anonName} hint={TAG_HINT} />
      <Field id={id("anonEmail")} name="anonEmail" label="Email *" type="email" autoComplete="email" defaultValue={values.anonEmail} error={errors?.anonEmail} />
      <Field id={id("anonWebsite")} name="anonWebsite" label="Website" type="url" maxLength={300} defaultValue={values.anonWebsite} error={errors?.anonWebsite} />
      {/* Nothing is mailed about replies until the address is confirmed (lib/notifications/address.ts). */}
      <div className="field field--checkbox">
        <input id={id("notifyReplies")} name="notifyReplies" type="checkbox" defaultChecked={values.notifyReplies === "on"} />
        <label htmlFor={id("notifyReplies")}>Email me when someone replies (we&rsquo;ll ask you to confirm your address first)</label>
      </div>
      {canRemember ? (
        // No name: the choice stays in this browser and is never sent with the comment.
        <div className="field field--checkbox">
          <input id={id("remember")} type="checkbox" checked={remember} onChange={(e) => onRememberChange(e.target.checked)} />
          <label htmlFor={id("remember")}>Save my name, email and website in this browser for the next time I comment.</label>
        </div>
      ) : null}
    </fieldset>
  );
}
