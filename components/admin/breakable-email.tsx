import { Fragment } from "react";

/**
 * An email address that may wrap only before its "@" and its dots, never inside a name: the
 * tables set `overflow-wrap: break-word`, so these are the only places a line can end.
 */
export function BreakableEmail({ email }: { email: string }) {
  const parts = email.split(/(?=[@.])/);
  return (
    <>
      {parts.map((part, i) => (
        <Fragment key={i}>
          {i > 0 ? <wbr /> : null}
          {part}
        </Fragment>
      ))}
    </>
  );
}
