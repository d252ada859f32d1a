import autocannon from "autocannon";
let n = 0;
const r = await autocannon({ url: "http://127.0.0.1:3977", connections: 32, duration: 6, requests: [{ method: "POST", path: "/api/comments/c52f0510889a6be0e46351fbe/rating", setupRequest: (req: any) => { n++; return { ...req, headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/json", origin: "http://127.0.0.1:3977", "x-forwarded-for": `fd00:77:${((n >> 16) & 0xffff).toString(16)}:${(n & 0xffff).toString(16)}::1` }, body: "control=insightful&on=1" }; } }] });
console.log("req/s", r.requests.average, "non2xx", r.non2xx, "p99", r.latency.p99);
