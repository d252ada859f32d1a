// The HTTP server in front of Next (`npm start`, `npm run dev`, the e2e and benchmark runs).
// Next alone passes a client-written X-Forwarded-For through untouched, and the TCP peer's
// address never reaches a route. So every request gets its client address resolved here, once,
// from the peer and TRUST_PROXY (lib/http/client-address.js), in a header that no client can set.
// A path that does not decode is answered 400 here, before Next fails on it (lib/http/request-path.js).
import { createServer } from "node:http";
import { createRequire } from "node:module";
import path from "node:path";
import next from "next";

const require = createRequire(import.meta.url);
const root = path.resolve(import.meta.dirname, "..");
const { CLIENT_ADDRESS_HEADER, parseTrustProxy, resolveClientAddress } = require("../lib/http/client-address.js");
const { BAD_PATH_RESPONSE, isDecodablePath } = require("../lib/http/request-path.js");

const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT || 3000);
const trust = parseTrustProxy(process.env.TRUST_PROXY);

const app = next({ dev, dir: root, port, hostname: "localhost" });
const handle = app.getRequestHandler();
await app.prepare();

const server = createServer((req, res) => {
  if (!isDecodablePath(req.url)) {
    res.writeHead(BAD_PATH_RESPONSE.status, BAD_PATH_RESPONSE.headers).end(req.method === "HEAD" ? undefined : BAD_PATH_RESPONSE.body);
    return;
  }
  req.headers[CLIENT_ADDRESS_HEADER] = resolveClientAddress(req.headers["x-forwarded-for"], req.socket.remoteAddress, trust);
  // Nothing downstream may read a client-written address by mistake.
  delete req.headers["x-real-ip"];
  handle(req, res);
});
// Node closes an idle keep-alive connection after 5 s, and a client (a proxy, a test's request
// context) that sends on it just then gets ECONNRESET. Outlive the idle timeout of the proxies a
// site runs behind (nginx and cloud load balancers keep 60 s), so the server is never the side
// that closes first; headersTimeout must exceed it.
server.keepAliveTimeout = 65_000;
server.headersTimeout = 66_000;
// Every interface, as `next start` does.
server.listen(port, () => {
  console.log(`▶ Listening on http://localhost:${port}${dev ? " (development)" : ""}`);
});
