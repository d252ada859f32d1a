// `tsx e2e/tasks/fresh-cookie.ts <slug>[@<seconds from now>]…`: prints, one a line, the value of
// the fresh-view cookie (lib/cache/fresh-cookie.ts) that a write to each article's discussion
// would leave, made at that time (now by default), with the secret the e2e server signs with
// (data/auth-secret, as both run in the same folder). For the specs that need a writer's cookie
// without writing.
import { freshCookieValue } from "../../lib/cache/fresh-cookie";

const targets = process.argv.slice(2);
if (targets.length === 0) throw new Error("usage: fresh-cookie.ts <slug>[@<seconds from now>]…");
for (const target of targets) {
  const [slug, offset = "0"] = target.split("@");
  console.log(freshCookieValue(slug, Date.now() + Number(offset) * 1000));
}
