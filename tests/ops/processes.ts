// Child processes for the operations tests: the scripts as an operator runs them (tsx), their
// output as it comes, and their exit code.
import { spawn, type ChildProcess } from "node:child_process";

export type Running = {
  child: ChildProcess;
  output: () => string;
  /** Resolves once the output matches (rejects if the process exits first). */
  saw: (pattern: RegExp) => Promise<RegExpMatchArray>;
  exited: Promise<number | null>;
};

export function runScript(script: string, args: string[], env: Record<string, string | undefined>): Running {
  const child = spawn(process.execPath, ["--import", "tsx", script, ...args], { env: { ...process.env, ...env }, stdio: ["pipe", "pipe", "pipe"] });
  let output = "";
  const waiters: (() => void)[] = [];
  const onData = (chunk: Buffer) => {
    output += chunk.toString();
    for (const wake of waiters.splice(0)) wake();
  };
  child.stdout!.on("data", onData);
  child.stderr!.on("data", onData);
  // "close", not "exit": by then everything the process printed has been read.
  const exited = new Promise<number | null>((resolve) =>
    child.once("close", (code) => {
      resolve(code);
      for (const wake of waiters.splice(0)) wake();
    }),
  );
  const saw = (pattern: RegExp) =>
    new Promise<RegExpMatchArray>((resolve, reject) => {
      const check = () => {
        const match = output.match(pattern);
        if (match) return resolve(match);
        if (child.exitCode !== null || child.signalCode !== null) return reject(new Error(`${script} ended without printing ${pattern}:\n${output}`));
        waiters.push(check);
      };
      check();
    });
  return { child, output: () => output, saw, exited };
}

/** Runs a script to its end: exit code and everything it printed. */
export async function scriptResult(script: string, args: string[], env: Record<string, string | undefined>): Promise<{ code: number | null; output: string }> {
  const run = runScript(script, args, env);
  const code = await run.exited;
  return { code, output: run.output() };
}
