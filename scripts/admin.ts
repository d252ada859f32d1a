// `npm run admin -- <command>`: site administration from the command line, against whichever
// database DATABASE_URL names.
//   set-role <email> <reader|author|moderator|admin>
//   create-user --email <email> --name <name> --password <password> [--handle <handle>] [--role <role>]
//   grant-credits <email> <n> [reason]
//   set-trust <email> <new|member|established|earned>
import { parseArgs } from "node:util";
import { z } from "zod";
import { roles } from "../lib/auth/roles";
import { getDb } from "../lib/db";
import { migrateDatabase } from "../prisma/migrate/deploy";
import { env } from "../lib/env";
import { CreditAmount, GrantReason } from "../lib/credits/schemas";
import { grantCredits } from "../lib/credits/ledger";
import { FieldError } from "../lib/errors";
import { registerUser, setRole } from "../lib/users/mutations";
import { Email, RegisterInput } from "../lib/users/schemas";
import { setTrustLevel } from "../lib/trust/mutations";
import { TrustChoice } from "../lib/trust/schemas";

const RoleArg = z.enum(roles, { error: `Role must be one of: ${roles.join(", ")}.` });

function fail(message: string): never {
  console.error(`admin: ${message}`);
  process.exit(2);
}

function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  return `${issue.path.length ? `${issue.path.join(".")}: ` : ""}${issue.message}`;
}

async function setRoleCommand(args: string[]) {
  const [rawEmail, rawRole] = args;
  if (!rawEmail || !rawRole) fail("usage: npm run admin -- set-role <email> <role>");
  const email = Email.safeParse(rawEmail);
  if (!email.success) fail(firstIssue(email.error));
  const role = RoleArg.safeParse(rawRole);
  if (!role.success) fail(firstIssue(role.error));
  const user = await getDb().user.findFirst({ where: { email: email.data, deletedAt: null }, select: { id: true, handle: true } });
  if (!user) fail(`no member with the email ${email.data}`);
  await setRole("cli", user.id, role.data);
  console.log(`admin: ${user.handle} is now ${role.data}`);
}

async function setTrustCommand(args: string[]) {
  const [rawEmail, rawTrust] = args;
  if (!rawEmail || !rawTrust) fail("usage: npm run admin -- set-trust <email> <new|member|established|earned>");
  const email = Email.safeParse(rawEmail);
  if (!email.success) fail(firstIssue(email.error));
  const trust = TrustChoice.safeParse(rawTrust);
  if (!trust.success) fail(firstIssue(trust.error));
  const user = await getDb().user.findFirst({ where: { email: email.data, deletedAt: null }, select: { id: true, handle: true } });
  if (!user) fail(`no member with the email ${email.data}`);
  await setTrustLevel("cli", user.id, trust.data);
  console.log(`admin: ${user.handle}'s trust is now ${trust.data === "earned" ? "earned (age, verified email, comments)" : trust.data}`);
}

async function createUserCommand(args: string[]) {
  const { values } = parseArgs({
    args,
    options: { email: { type: "string" }, name: { type: "string" }, password: { type: "string" }, handle: { type: "string" }, role: { type: "string" } },
  });
  const input = RegisterInput.safeParse({ name: values.name ?? "", handle: values.handle ?? "", email: values.email ?? "", password: values.password ?? "" });
  if (!input.success) fail(firstIssue(input.error));
  const role = RoleArg.safeParse(values.role ?? "reader");
  if (!role.success) fail(firstIssue(role.error));
  try {
    // The admin vouches for the address they type: no mail round trip for accounts made here.
    const user = await registerUser({ ...input.data, role: role.data, emailVerified: true });
    console.log(`admin: created ${user.handle} (${input.data.email}) as ${role.data}`);
  } catch (error) {
    if (error instanceof FieldError) fail(`${error.field ?? "input"}: ${error.message}`);
    throw error;
  }
}

async function grantCreditsCommand(args: string[]) {
  const [rawEmail, rawAmount, ...words] = args;
  if (!rawEmail || !rawAmount) fail("usage: npm run admin -- grant-credits <email> <n> [reason]");
  const email = Email.safeParse(rawEmail);
  if (!email.success) fail(firstIssue(email.error));
  const amount = CreditAmount.safeParse(rawAmount);
  if (!amount.success) fail(firstIssue(amount.error));
  const reason = GrantReason.safeParse(words.join(" ") || "Granted by an admin");
  if (!reason.success) fail(firstIssue(reason.error));
  const user = await getDb().user.findFirst({ where: { email: email.data, deletedAt: null }, select: { id: true, handle: true } });
  if (!user) fail(`no member with the email ${email.data}`);
  try {
    const balance = await grantCredits("cli", user.id, amount.data, reason.data);
    console.log(`admin: ${user.handle} now has ${balance} credit${balance === 1 ? "" : "s"}`);
  } catch (error) {
    if (error instanceof FieldError) fail(error.message);
    throw error;
  }
}

async function main() {
  const [command, ...args] = process.argv.slice(2);
  await migrateDatabase(env().DATABASE_URL);
  if (command === "set-role") await setRoleCommand(args);
  else if (command === "create-user") await createUserCommand(args);
  else if (command === "grant-credits") await grantCreditsCommand(args);
  else if (command === "set-trust") await setTrustCommand(args);
  else fail("commands: set-role <email> <role> | set-trust <email> <level> | create-user --email … --name … --password … [--handle …] [--role …] | grant-credits <email> <n> [reason]");
  await getDb().$disconnect();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
