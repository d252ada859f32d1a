import { readForm } from "@/lib/http/body-limit";
import { unsubscribeNotifications } from "@/lib/notifications/unsubscribe";

// The URL in every notification mail's List-Unsubscribe header, and where the unsubscribe page's
// button posts. As app/api/newsletter/unsubscribe/route.ts:
// - POST with the body "List-Unsubscribe=One-Click" (RFC 8058), token in the query string: a mail
//   client unsubscribing in one click; answered with a short text.
// - POST from the page's form (token in the body): stops the mail, then shows the page again,
//   which now says so. Works without JavaScript.
// - GET: the page, which asks first, so a link scanner's GET never stops anyone's mail.
// No same-origin check: the token is the only credential, and RFC 8058 posts come from mail
// providers' servers. A member's token turns their notification mail off (mode "never"); an
// anonymous address's token stops all mail to that address.

const page = (token: string) => `/notifications/unsubscribe?token=${encodeURIComponent(token)}`;

export async function GET(request: Request) {
  const token = new URL(request.url).searchParams.get("token") ?? "";
  return new Response(null, { status: 303, headers: { Location: page(token), "Cache-Control": "no-store" } });
}

export async function POST(request: Request) {
  const body = await readForm(request);
  if (!body.ok) return body.response;
  const form = body.value;
  const fromForm = form?.get("token");
  const token = typeof fromForm === "string" ? fromForm : (new URL(request.url).searchParams.get("token") ?? "");
  const done = await unsubscribeNotifications(token);
  if (form?.get("List-Unsubscribe") === "One-Click") {
    return new Response(done ? "Unsubscribed.\n" : "Unknown unsubscribe link.\n", {
      status: done ? 200 : 404,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
    });
  }
  return new Response(null, { status: 303, headers: { Location: page(token), "Cache-Control": "no-store" } });
}
