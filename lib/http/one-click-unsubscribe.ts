// The route behind a mail's List-Unsubscribe header and its unsubscribe page's button, shared by
// the newsletter and the notification mails:
// - POST with the body "List-Unsubscribe=One-Click" (RFC 8058): a mail client unsubscribing in one
//   click, token in the query string; answered with a short text.
// - POST from the page's form (token in the body): unsubscribes, then shows the page again, which
//   now says so. Works without JavaScript.
// - GET (a mail client without one-click support opening the header's URL): the page, which asks
//   first, so a link scanner's GET never unsubscribes anyone.
// No same-origin check: the token is the only credential, and RFC 8058 posts come from mail
// providers' servers, which send no Origin of this site.
import { readForm } from "./body-limit";

type Options = {
  /** The unsubscribe page, which is given the token. */
  pagePath: string;
  /** Stops the mail the token stands for; false for a token nobody holds. */
  unsubscribe: (token: string) => Promise<boolean>;
};

const NO_STORE = { "Cache-Control": "no-store" };

export function oneClickUnsubscribeRoute({ pagePath, unsubscribe }: Options) {
  const page = (token: string) => `${pagePath}?token=${encodeURIComponent(token)}`;
  const toPage = (token: string) => new Response(null, { status: 303, headers: { Location: page(token), ...NO_STORE } });

  async function GET(request: Request) {
    return toPage(new URL(request.url).searchParams.get("token") ?? "");
  }

  async function POST(request: Request) {
    const body = await readForm(request);
    if (!body.ok) return body.response;
    const form = body.value;
    const fromForm = form?.get("token");
    const token = typeof fromForm === "string" ? fromForm : (new URL(request.url).searchParams.get("token") ?? "");
    const done = await unsubscribe(token);
    if (form?.get("List-Unsubscribe") !== "One-Click") return toPage(token);
    return new Response(done ? "Unsubscribed.\n" : "Unknown unsubscribe link.\n", {
      status: done ? 200 : 404,
      headers: { "Content-Type": "text/plain; charset=utf-8", ...NO_STORE },
    });
  }

  return { GET, POST };
}
