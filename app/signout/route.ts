import { signOut } from "@/lib/auth/sign-out";
import { safeCallbackUrl } from "@/lib/auth/redirect";
import { readForm } from "@/lib/http/body-limit";
import { isSameOrigin } from "@/lib/http/same-origin";

// A plain form POST (not a server action) so the browser loads the next page afresh and every
// part of it, the cached header included, sees the signed-out state.
export async function POST(request: Request) {
  if (!isSameOrigin(request)) return new Response("Cross-site request refused", { status: 403 });
  const body = await readForm(request);
  if (!body.ok) return body.response;
  await signOut();
  const target = safeCallbackUrl(body.value?.get("callbackUrl"));
  return new Response(null, { status: 303, headers: { Location: target } });
}
