// @ts-check
// Copies of pages read from the shared cache, kept in this process so that a hit does not fetch
// and parse the whole page (tens of KB) from Redis each time: measured here, an article page was
// served at roughly half the rate from Redis than from memory. A copy is used only once Redis
// confirms, in one small round trip, that the page it copies is still the one stored: every
// stored page gets a fresh stamp, and a revalidation (by any instance) deletes the page. So a
// change made through any instance is seen at the next request here, as without the copies.
const { randomBytes } = require("node:crypto");
const { entrySize } = require("./disk-bound");

const STAMPS = "__stamps__";

class LocalCopies {
  /**
   * @param {{ client: any, prefix: string, maxBytes: number, timeoutMs: number }} options
   */
  constructor({ client, prefix, maxBytes, timeoutMs }) {
    this.client = client;
    this.prefix = prefix;
    this.maxBytes = maxBytes;
    this.timeoutMs = timeoutMs;
    /** Least recently used first. @type {Map<string, { value: any, stamp: string, size: number }>} */
    this.copies = new Map();
    this.bytes = 0;
  }

  get stampsKey() {
    return this.prefix + STAMPS;
  }

  /** The stamp of the page stored under `key`, or null when none is stored. @param {string} key */
  async storedStamp(key) {
    const [exists, stamp] = await this.client
      .withAbortSignal(AbortSignal.timeout(this.timeoutMs))
      .multi()
      .exists(this.prefix + key)
      .hGet(this.stampsKey, key)
      .exec();
    return Number(exists) === 1 && typeof stamp === "string" ? stamp : null;
  }

  /**
   * The page under `key`: this process's copy if Redis says it is current, else `read()`'s
   * (remembered with the stamp seen before reading it, so a page replaced meanwhile is only
   * fetched again next time, never served stale).
   * @param {string} key @param {() => Promise<any>} read
   */
  async get(key, read) {
    if (this.maxBytes === 0) return read();
    const stamp = await this.storedStamp(key);
    const copy = this.copies.get(key);
    if (copy) {
      this.forget(key);
      if (stamp !== null && copy.stamp === stamp) {
        this.remember(key, copy);
        return copy.value;
      }
    }
    const value = await read();
    if (value && stamp !== null) this.remember(key, { value, stamp, size: entrySize(value.value) });
    return value;
  }

  /** A page was stored under `key` (after it was written): it gets a new stamp. @param {string} key */
  async stored(key) {
    this.forget(key);
    await this.client.withAbortSignal(AbortSignal.timeout(this.timeoutMs)).hSet(this.stampsKey, key, randomBytes(8).toString("hex"));
  }

  /** @param {string} key @param {{ value: any, stamp: string, size: number }} copy */
  remember(key, copy) {
    if (copy.size > this.maxBytes / 4) return;
    this.copies.set(key, copy);
    this.bytes += copy.size;
    for (const [oldest, { size }] of this.copies) {
      if (this.bytes <= this.maxBytes) break;
      this.copies.delete(oldest);
      this.bytes -= size;
    }
  }

  /** @param {string} key */
  forget(key) {
    const copy = this.copies.get(key);
    if (!copy) return;
    this.copies.delete(key);
    this.bytes -= copy.size;
  }
}

module.exports = { LocalCopies, STAMPS };
