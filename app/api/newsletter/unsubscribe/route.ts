import { readForm } from "@/lib/http/body-limit";
import { unsubscribe } from "@/lib/newsletter/mutations";

// The URL in every mail's List-Unsubscribe header, and where the unsubscribe page's button posts.
// - POST with the body "List-Unsubscribe=One-Click" (RFC 8058): a mail client unsubscribing in one
//   click, token in the query string; answered with a short text.
// - POST from the page's form (token in the body): unsubscribes, then shows the page again, which
//   now says "You're unsubscribed". Works without JavaScript.
// - GET (a mail client without one-click support opening the header's URL): the page, which asks
//   first, so a link scanner's GET never unsubscribes anyone.
// No same-origin check: the token is the only credential, and RFC 8058 posts come from mail
// providers' servers, which send no Origin of this site.

const page = (token: string) => `/newsletter/unsubscribe?token=${encodeURIComponent(token)}`;

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
  const done = await unsubscribe(token);
  if (form?.get("List-Unsubscribe") === "One-Click") {
    return new Response(done ? "Unsubscribed.\n" : "Unknown unsubscribe link.\n", {
      status: done ? 200 : 404,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
    });
  }
  return new Response(null, { status: 303, headers: { Location: page(token), "Cache-Control": "no-store" } });
}
