"use client";

import { useLayoutEffect, useRef, useState } from "react";
import { useInteractive } from "@/components/ui/use-interactive";
import { FORMATTING_NOTE, FORMATTING_ROWS } from "@/lib/comments/formatting-help";

/**
 * What a comment's Markdown does, opened in place under the comment box. The page as sent holds
 * the whole table, so it opens without JavaScript; once the page is interactive the table is
 * built only while open (it is some forty elements of every article page).
 */
export function FormattingHelp() {
  const interactive = useInteractive();
  const [open, setOpen] = useState(false);
  const details = useRef<HTMLDetailsElement>(null);
  // Opened before the script took over: it stays open, with its table.
  useLayoutEffect(() => {
    if (details.current?.open) setOpen(true);
  }, []);
  return (
    <details className="formatting-help" ref={details} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>Formatting help</summary>
      {!interactive || open ? (
        <>
          <table>
            <thead>
              <tr>
                <th scope="col">You type</th>
                <th scope="col">You get</th>
              </tr>
            </thead>
            <tbody>
              {FORMATTING_ROWS.map((row) => (
                <tr key={row.write}>
                  <td>
                    <code>{row.write}</code>
                  </td>
                  <td>{row.get}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="field__hint">{FORMATTING_NOTE}</p>
        </>
      ) : null}
    </details>
  );
}
