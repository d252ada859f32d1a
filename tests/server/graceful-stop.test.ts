// The server's stop (lib/server/graceful-stop.js) on a real HTTP server: a request in flight
// finishes and the exit code is 0; one that outlasts the bound is cut and the code is 1; the
// "stop" hooks run while requests finish, the "close" hooks only after the last one.
import { createServer, request, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { gracefulStop } from "@/lib/server/graceful-stop";
import { onShutdown } from "@/lib/server/shutdown";

const quiet = { info: () => {}, warn: () => {}, error: () => {} };
const servers: Server[] = [];

afterEach(() => {
  for (const s of servers.splice(0)) s.closeAllConnections();
});

/** A server whose requests wait until the test answers them. */
async function holdingServer() {
  const inFlight = new Set<ServerResponse>();
  const waiting: ServerResponse[] = [];
  let arrived = () => {};
  const server = createServer((_req, res) => {
    inFlight.add(res);
    res.once("close", () => inFlight.delete(res));
    waiting.push(res);
    arrived();
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  const get = () =>
    new Promise<{ arrived: Promise<void>; answer: Promise<number | "failed"> }>((resolve) => {
      const here = new Promise<void>((r) => (arrived = r));
      const answer = new Promise<number | "failed">((done) => {
        const req = request({ port, host: "127.0.0.1", path: "/" }, (res) => {
          res.resume();
          res.once("end", () => done(res.statusCode ?? 0));
        });
        req.once("error", () => done("failed"));
        req.end();
      });
      resolve({ arrived: here, answer });
    });
  return { server, inFlight, waiting, get };
}

describe("graceful stop", () => {
  it("lets a request in flight finish, then closes, and says 0", async () => {
    const { server, inFlight, waiting, get } = await holdingServer();
    const order: string[] = [];
    onShutdown("test-stop", () => void order.push(`stop with ${inFlight.size} in flight`), "stop");
    onShutdown("test-close", () => void order.push(`close with ${inFlight.size} in flight`));
    const pending = await get();
    await pending.arrived;
    const stopping = gracefulStop({ server, inFlight, timeoutMs: 5_000, log: quiet });
    // Answered only after the stop began: the stop waited for it.
    setImmediate(() => waiting[0].end("done"));
    expect(await pending.answer).toBe(200);
    expect(await stopping).toBe(0);
    expect(order).toEqual(["stop with 1 in flight", "close with 0 in flight"]);
    expect(server.listening).toBe(false);
  });

  it("cuts a request that outlasts the bound, and says 1", async () => {
    const { server, inFlight, get } = await holdingServer();
    const pending = await get();
    await pending.arrived;
    expect(await gracefulStop({ server, inFlight, timeoutMs: 200, log: quiet })).toBe(1);
    expect(await pending.answer).toBe("failed");
  });
});
