// Progress of a long import or export: on a terminal, one line redrawn in place (items, rate, how
// far through the file and the time left); otherwise (a log, CI) a plain line every few seconds.
const EVERY_MS = 5000;

export type Progress = { update: (items: number, done?: number) => void; finish: (items: number) => void };

/** `total`: the size of the work in the unit of `done` (bytes of the file), when known. */
export function progress(label: string, total?: number, out: NodeJS.WriteStream = process.stderr): Progress {
  const started = Date.now();
  let shown = started;
  const line = (items: number, done?: number) => {
    const seconds = Math.max(0.001, (Date.now() - started) / 1000);
    const rate = Math.round(items / seconds);
    const share = total && done !== undefined ? Math.min(1, done / total) : undefined;
    const left = share && share > 0 ? Math.round((seconds / share) * (1 - share)) : undefined;
    const bar = share === undefined ? "" : `[${"#".repeat(Math.round(share * 20)).padEnd(20, ".")}] ${Math.round(share * 100)}% `;
    return `${label}: ${bar}${items} items, ${rate}/s${left === undefined ? "" : `, about ${left} s left`}`;
  };
  return {
    update(items, done) {
      const now = Date.now();
      if (out.isTTY) {
        if (now - shown < 100) return;
        out.write(`\r${line(items, done)}\u001b[K`);
      } else {
        if (now - shown < EVERY_MS) return;
        out.write(`${line(items, done)}\n`);
      }
      shown = now;
    },
    finish(items) {
      out.write(`${out.isTTY ? "\r" : ""}${line(items, total)}${out.isTTY ? "\u001b[K" : ""}\n`);
    },
  };
}
