// @ts-check
// The client's address, believed only as far as TRUST_PROXY says. A client can write any
// X-Forwarded-For it likes, so by default the address is the TCP peer's and the header changes
// nothing. Behind proxies, the chain is read from the right (each proxy appends the address it
// saw), skipping only trusted hops: the first address a trusted hop did not write is the client.
// CommonJS so the HTTP server (scripts/serve.mjs), which Node loads unbundled, shares it with the
// TypeScript code. This is the only place that reads X-Forwarded-For.
const { BlockList, isIP } = require("node:net");

/** The request header the server sets to the resolved address (any client-sent copy is dropped). */
const CLIENT_ADDRESS_HEADER = "x-dept-client-address";

/**
 * @typedef {{ hops: number } | { networks: BlockList, hops?: undefined }} ProxyTrust
 * `hops`: how many proxies in front of the app to believe; `networks`: believe any hop inside them.
 */

/** @param {string | undefined} raw e.g. "", "0", "1", "2", "127.0.0.1/8,10.0.0.0/8,::1" */
function parseTrustProxy(raw) {
  const value = (raw ?? "").trim();
  if (value === "" || value === "0" || value === "false") return { hops: 0 };
  if (value === "true") return { hops: 1 };
  if (/^\d+$/.test(value)) return { hops: Math.min(Number(value), 20) };
  const networks = new BlockList();
  for (const part of value.split(",").map((p) => p.trim()).filter(Boolean)) {
    const [address, bits] = part.split("/");
    const family = isIP(address);
    if (!family) throw new Error(`TRUST_PROXY: "${part}" is not an address or network (e.g. 10.0.0.0/8, ::1, or a hop count such as 1)`);
    const type = family === 6 ? "ipv6" : "ipv4";
    const prefix = bits === undefined ? (family === 6 ? 128 : 32) : Number(bits);
    if (!Number.isInteger(prefix) || prefix < 0 || prefix > (family === 6 ? 128 : 32)) throw new Error(`TRUST_PROXY: bad prefix length in "${part}"`);
    networks.addSubnet(address, prefix, type);
  }
  return { networks };
}

/**
 * "::ffff:1.2.3.4" → "1.2.3.4"; "[::1]:80" and zone ids dropped; anything else → ""
 * @param {string | undefined} raw
 */
function normalizeAddress(raw) {
  let a = String(raw ?? "").trim();
  if (a.startsWith("[")) a = a.slice(1, a.indexOf("]") > 0 ? a.indexOf("]") : undefined);
  else if (/^\d+\.\d+\.\d+\.\d+:\d+$/.test(a)) a = a.slice(0, a.lastIndexOf(":"));
  a = a.replace(/%.*$/, "");
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(a);
  if (mapped) a = mapped[1];
  return isIP(a) ? a.toLowerCase() : "";
}

/**
 * @param {string | string[] | undefined} forwardedFor the X-Forwarded-For header(s) as received
 * @param {string | undefined} peer the TCP peer's address
 * @param {ProxyTrust} trust
 * @returns {string} the client's address, or "unknown"
 */
function resolveClientAddress(forwardedFor, peer, trust) {
  const own = normalizeAddress(peer);
  if (trust.hops === 0) return own || "unknown";
  const listed = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? "")).split(",").filter((e) => e.trim() !== "").map(normalizeAddress);
  // Rightmost first: the peer, then what each proxy appended, back towards the client.
  const chain = [own, ...listed.reverse()];
  if (trust.hops !== undefined) {
    // Each believed hop vouches for the entry to its left; an unreadable entry ends the trust.
    for (let i = 0; i < trust.hops && i < chain.length - 1; i++) if (!chain[i]) return "unknown";
    const entry = chain[Math.min(trust.hops, chain.length - 1)];
    return entry || "unknown";
  }
  for (const address of chain) {
    if (!address) return "unknown";
    if (!trust.networks.check(address, isIP(address) === 6 ? "ipv6" : "ipv4")) return address;
  }
  // Every hop is a trusted proxy: the leftmost is as far as the chain goes.
  return chain[chain.length - 1] || "unknown";
}

/**
 * Expands an IPv6 address to its eight 16-bit groups.
 * @param {string} address
 */
function ipv6Groups(address) {
  const [head, tail = ""] = address.includes("::") ? address.split("::") : [address, undefined];
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  if (right.length && right[right.length - 1].includes(".")) {
    const [a, b, c, d] = String(right.pop()).split(".").map(Number);
    right.push(((a << 8) | b).toString(16), ((c << 8) | d).toString(16));
  }
  if (left.length && left[left.length - 1].includes(".")) {
    const [a, b, c, d] = String(left.pop()).split(".").map(Number);
    left.push(((a << 8) | b).toString(16), ((c << 8) | d).toString(16));
  }
  const missing = address.includes("::") ? 8 - left.length - right.length : 0;
  return [...left, ...Array(missing).fill("0"), ...right].map((g) => parseInt(g || "0", 16));
}

/**
 * The network an address belongs to for limits and bans: IPv4 /24, IPv6 /64. One person easily
 * changes the last part of their address (a new lease, privacy extensions), rarely the network.
 * @param {string} address
 */
function networkOf(address) {
  const a = normalizeAddress(address);
  if (isIP(a) === 4) return `${a.split(".").slice(0, 3).join(".")}.0/24`;
  if (isIP(a) === 6) return `${ipv6Groups(a).slice(0, 4).map((g) => g.toString(16)).join(":")}::/64`;
  return "unknown";
}

module.exports = { CLIENT_ADDRESS_HEADER, parseTrustProxy, resolveClientAddress, networkOf, normalizeAddress };
