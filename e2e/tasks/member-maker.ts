// `node --import tsx e2e/tasks/member-maker.ts`: one per Playwright worker (e2e/members.ts starts
// it on first use), making members in the database DATABASE_URL names. Each line on stdin is a
// member as JSON ({"name","handle","email","password"}); each line on stdout answers it, in order:
// {"ok":true}, {"ok":true,"existed":true} when the address already has an account, or
// {"ok":false,"error":"..."}. The member is written by the app's registerUser (the password hash,
// role and defaults registration gives) with the address verified, as after the mailed link.
// Optional "role" and "trust" do what `npm run admin -- create-user --role` and `set-trust` do,
// without a process each.
// A process that stays: the generated Prisma clients are ES modules that Playwright's loader
// cannot import, and a tsx process per member would cost a second or two each. It closes its
// connection and exits when stdin ends (the worker is done, or gone).
import { createInterface } from "node:readline";
import { getDb } from "../../lib/db";
import { FieldError } from "../../lib/errors";
import { registerUser } from "../../lib/users/mutations";
import { setTrustLevel } from "../../lib/trust/mutations";
import { RegisterInput, SetRoleInput } from "../../lib/users/schemas";
import { SetTrustInput } from "../../lib/trust/schemas";
import { retryWhenBusy } from "./retry-when-busy";

async function make(line: string): Promise<{ ok: true; existed?: true } | { ok: false; error: string }> {
  try {
    // Parsed as the register form's input is (trimmed name, lower-cased email…).
    const sent = JSON.parse(line) as Record<string, string | undefined>;
    const input = RegisterInput.parse(sent);
    const role = sent.role === undefined ? undefined : SetRoleInput.shape.role.parse(sent.role);
    const { id } = await retryWhenBusy(() => registerUser({ ...input, role, emailVerified: true }));
    if (sent.trust !== undefined) {
      const trust = SetTrustInput.shape.trust.parse(sent.trust);
      await retryWhenBusy(() => setTrustLevel("cli", id, trust));
    }
    return { ok: true };
  } catch (error) {
    if (error instanceof FieldError && error.field === "email") return { ok: true, existed: true };
    return { ok: false, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }
}

async function main() {
  // One at a time, so answers come in the order of the requests.
  for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
    if (line.trim()) process.stdout.write(`${JSON.stringify(await make(line))}\n`);
  }
  await getDb().$disconnect();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
