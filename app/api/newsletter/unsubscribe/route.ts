import { oneClickUnsubscribeRoute } from "@/lib/http/one-click-unsubscribe";
import { unsubscribe } from "@/lib/newsletter/mutations";

// The URL in every newsletter mail's List-Unsubscribe header (RFC 8058 one-click, and the page's
// form): see lib/http/one-click-unsubscribe.ts.
const route = oneClickUnsubscribeRoute({ pagePath: "/newsletter/unsubscribe", unsubscribe });
export const GET = route.GET;
export const POST = route.POST;
