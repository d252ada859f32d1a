// Property runs that end in time and say how to replay them. A synchronous case cannot be
// stopped, so each one is timed and fails when it overruns its budget; the whole run, shrinking
// included, is interrupted before the test runner's own timeout (30 s), which would end it
// without a word. Either way the failure names the seed and path that replay it, and shows the
// counterexample cut short (a 100 KiB input printed whole buries the message). Test-only.
import fc from "fast-check";
import { cpuMsSince, cpuNow } from "./cpu-time";

/** How long one case may take, in CPU time (cpu-time.ts): a slow pattern takes far longer. */
export const CASE_BUDGET_MS = 2_000;
const RUN_BUDGET_MS = 20_000;
const SHOWN_CHARACTERS = 600;

/** A property of one generated value whose every case must finish within `budgetMs`. */
export function timedProperty<T>(input: fc.Arbitrary<T>, predicate: (value: T) => void, budgetMs = CASE_BUDGET_MS): fc.IPropertyWithHooks<[T]> {
  return fc.property(input, (value) => {
    const since = cpuNow();
    predicate(value);
    const took = cpuMsSince(since);
    if (took > budgetMs) throw new Error(`One case took ${Math.round(took)} ms, over its budget of ${budgetMs} ms.`);
  });
}

function report<T>(details: fc.RunDetails<T>): void {
  if (!details.failed) return;
  const replay = `{ seed: ${details.seed}, path: "${details.counterexamplePath ?? ""}", endOnFailure: true }`;
  const what = details.interrupted ? `was interrupted after ${RUN_BUDGET_MS / 1000} s and ${details.numRuns} runs` : `failed after ${details.numRuns} runs and ${details.numShrinks} shrinks`;
  const shown = details.counterexample ? fc.stringify(details.counterexample) : "(none)";
  const example = shown.length > SHOWN_CHARACTERS ? `${shown.slice(0, SHOWN_CHARACTERS)}… (${shown.length.toLocaleString("en-US")} characters)` : shown;
  const cause = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance ?? "");
  throw new Error(`Property ${what}. Replay it with ${replay}\nCounterexample: ${example}\n${cause}`, { cause: details.errorInstance });
}

/** fc.assert with a time limit on the whole run and a short report that names the seed. */
export function assertProperty<T>(property: fc.IProperty<T>, params: fc.Parameters<T> = {}): void {
  fc.assert(property, { plugins: [fc.interruptAfterTimeLimit(RUN_BUDGET_MS, { failOnInterrupt: true })], reporter: report, ...params });
}
