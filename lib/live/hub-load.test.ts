// The figures behind "one query a second per instance, whatever the number of readers": the
// hub's database polls are counted at the client (each poll is one findMany, one SELECT) with 1
// and with 50 readers of one article, at the real one-second interval. Logged for the record.
import { afterAll, beforeAll, expect, it } from "vitest";
import { getDb, type Db } from "../db";
import { LiveHub } from "./hub";

const base = getDb();
let queries = 0;
const counted = base.$extends({
  query: {
    async $allOperations({ args, query }) {
      queries++;
      return query(args);
    },
  },
}) as unknown as Db;

let polls: number[] = [];
let hub: LiveHub;

beforeAll(async () => {
  // The client's first query (loading its query compiler) takes a second on a busy machine.
  await base.comment.count();
  hub = new LiveHub({ db: () => counted, onPoll: () => polls.push(Date.now()) });
});

afterAll(async () => {
  await hub.close();
});

/** Queries per second over four polls, and queries per poll. */
async function measure(readers: number) {
  const stops = Array.from({ length: readers }, () => hub.subscribe("load-article", () => {}));
  polls = [];
  queries = 0;
  while (polls.length < 5) await new Promise((r) => setTimeout(r, 50));
  const perPoll = queries / polls.length;
  const perSecond = ((polls.length - 1) * perPoll) / ((polls[polls.length - 1] - polls[0]) / 1000);
  stops.forEach((stop) => stop());
  return { perPoll, perSecond };
}

it("polls once a second with 1 reader and with 50, one query a poll, and not at all with none", async () => {
  const one = await measure(1);
  const fifty = await measure(50);
  queries = 0;
  await new Promise((r) => setTimeout(r, 1_200));
  const none = queries;
  console.log(`live hub database queries/s: 1 reader ${one.perSecond.toFixed(2)}, 50 readers ${fifty.perSecond.toFixed(2)}, no reader ${none}`);
  for (const m of [one, fifty]) {
    expect(m.perPoll).toBe(1);
    expect(m.perSecond).toBeGreaterThan(0.5);
    expect(m.perSecond).toBeLessThanOrEqual(1.01);
  }
  expect(none).toBe(0);
});
