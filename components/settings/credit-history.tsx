import { formatDateTime } from "@/lib/format";
import type { CreditEntry } from "@/lib/credits/ledger";

export function CreditHistory({ balance, entries }: { balance: number; entries: CreditEntry[] }) {
  return (
    <>
      <p>
        Balance: <strong>{balance}</strong> credit{balance === 1 ? "" : "s"}. Credits make a comment an article&apos;s First Word or Last Word; they
        come from the site&apos;s admins.
      </p>
      {entries.length === 0 ? (
        <p>No credits yet.</p>
      ) : (
        <table className="credit-history">
          <caption className="visually-hidden">Credit history, newest first</caption>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">What</th>
              <th scope="col">Credits</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.id}>
                <td>
                  <time dateTime={e.createdAt}>{formatDateTime(e.createdAt)}</time>
                </td>
                <td>{e.reason}</td>
                <td className="credit-history__delta">{e.delta > 0 ? `+${e.delta}` : e.delta}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
