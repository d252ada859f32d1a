import { oneClickUnsubscribeRoute } from "@/lib/http/one-click-unsubscribe";
import { unsubscribeNotifications } from "@/lib/notifications/unsubscribe";

// The URL in every notification mail's List-Unsubscribe header (RFC 8058 one-click, and the
// page's form): see lib/http/one-click-unsubscribe.ts. A member's token turns their notification
// mail off (mode "never"); an anonymous address's token stops all mail to that address.
const route = oneClickUnsubscribeRoute({ pagePath: "/notifications/unsubscribe", unsubscribe: async (token) => (await unsubscribeNotifications(token)) !== null });
export const GET = route.GET;
export const POST = route.POST;
