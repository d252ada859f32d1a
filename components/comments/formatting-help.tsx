import { FORMATTING_NOTE, FORMATTING_ROWS } from "@/lib/comments/formatting-help";

/** What a comment's Markdown does, opened in place under the comment box (works without JavaScript). */
export function FormattingHelp() {
  return (
    <details className="formatting-help">
      <summary>Formatting help</summary>
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
    </details>
  );
}
