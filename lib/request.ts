// The caller's address and network, for per-IP limits, bans and log lines. The HTTP server
// (scripts/serve.mjs) resolves the address once per request from the TCP peer and TRUST_PROXY
// (lib/http/client-address.js) into a header that it overwrites on every request; nothing here
// looks at X-Forwarded-For. A request that did not come through that server has no address.
import { headers } from "next/headers";
import { CLIENT_ADDRESS_HEADER, networkOf } from "./http/client-address";

export async function clientIp(): Promise<string> {
  const h = await headers();
  return (h.get(CLIENT_ADDRESS_HEADER)?.trim() || "unknown").slice(0, 64);
}

/** The caller's address and its network (IPv4 /24, IPv6 /64): a limit keyed on both catches
 *  someone who changes the last part of their address. */
export async function clientNetwork(): Promise<{ ip: string; network: string }> {
  const ip = await clientIp();
  return { ip, network: networkKeyOf(ip) };
}

/** The key a per-network limit or ban counts under: the address's network, or the address
 *  itself when it is no address we can read (so such callers do not all share one network). */
export function networkKeyOf(ip: string): string {
  const network = networkOf(ip);
  return network === "unknown" ? ip : network;
}
