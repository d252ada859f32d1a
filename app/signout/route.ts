import { signOut } from "@/lib/auth/sign-out";
import { safeCallbackUrl } from "@/lib/auth/redirect";
import { isSameOrigin } from "@/lib/http/same-origin";

// A plain form POST (not a server action) so the browser loads the next page afresh and every
// part of it, the cached header included, sees the signed-out state.
export async function POST(request: Request) {
  if (!isSameOrigin(request)) return new Response("Cross-site request refused", { status: 403 });
  await signOut();
  const form = await request.formData().catch(() => null);
  const target = safeCallbackUrl(form?.get("callbackUrl"));
  return new Response(null, { status: 303, headers: { Location: target } });
}
