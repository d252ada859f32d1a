// @ts-check
// A cap on the pages one instance caches on disk (no REDIS_URL). Every article-shaped address and
// every page × view of a discussion may be stored, each some tens of KB: without a cap, anyone
// asking for many of them fills the disk. Pages are forgotten oldest-written first (a page read
// often is rewritten at each revalidation, so it stays young) once there are more than
// `maxEntries` or they take more than `maxBytes`.
const { promises: fs } = require("node:fs");
const path = require("node:path");

// What Next writes for one entry, beside `<key>.meta` (lib's file-system-cache.js, set()).
const FILE_SUFFIXES = [".html", ".rsc", ".body", ".json", ".meta"];
const SEGMENTS_SUFFIX = ".segments";

class DiskBound {
  /**
   * @param {{ serverDistDir: string, maxEntries: number, maxBytes: number, forget?: (key: string) => void }} options
   * `forget` drops the key from the memory layer too, so an evicted page is not served from there.
   */
  constructor({ serverDistDir, maxEntries, maxBytes, forget }) {
    this.serverDistDir = serverDistDir;
    this.maxEntries = maxEntries;
    this.maxBytes = maxBytes;
    this.forget = forget ?? (() => {});
    /** Written pages, oldest first, with what they take on disk. @type {Map<string, number>} */
    this.entries = new Map();
    this.bytes = 0;
    /** @type {Promise<void> | undefined} */
    this.seeding = undefined;
  }

  /** Pages an earlier run of this build left on disk count too (once, before the first write). */
  seed() {
    this.seeding ??= this.scan(path.join(this.serverDistDir, "route-cache")).then((found) => {
      found.sort((a, b) => a.mtime - b.mtime);
      for (const { key, size } of found) if (!this.entries.has(key)) this.add(key, size);
    });
    return this.seeding;
  }

  /** @param {string} dir @returns {Promise<{ key: string, size: number, mtime: number }[]>} */
  async scan(dir) {
    const dirents = await fs.readdir(dir, { withFileTypes: true }).catch(() => []);
    const found = [];
    for (const dirent of dirents) {
      const file = path.join(dir, dirent.name);
      if (dirent.isDirectory() && !dirent.name.endsWith(SEGMENTS_SUFFIX)) found.push(...(await this.scan(file)));
      else if (dirent.isFile() && dirent.name.endsWith(".meta")) {
        const key = "/" + path.relative(this.serverDistDir, file).split(path.sep).join("/").slice(0, -".meta".length);
        const sizes = await Promise.all(FILE_SUFFIXES.map((suffix) => fs.stat(this.pathOf(key, suffix)).then((s) => s.size, () => 0)));
        const { mtimeMs } = await fs.stat(file);
        found.push({ key, size: sizes.reduce((a, b) => a + b, 0), mtime: mtimeMs });
      }
    }
    return found;
  }

  /** @param {string} key @param {string} suffix */
  pathOf(key, suffix) {
    return path.join(this.serverDistDir, key.startsWith("/route-cache/") ? "" : "app", key + suffix);
  }

  /** @param {string} key @param {number} size */
  add(key, size) {
    this.bytes -= this.entries.get(key) ?? 0;
    this.entries.delete(key);
    this.entries.set(key, size);
    this.bytes += size;
  }

  /**
   * A page was written under `key`; removes the oldest others while over the cap.
   * @param {string} key @param {number} size
   */
  async wrote(key, size) {
    await this.seed();
    this.add(key, size);
    /** @type {Promise<void>[]} */
    const removals = [];
    for (const [oldest, oldestSize] of this.entries) {
      if (this.entries.size <= this.maxEntries && this.bytes <= this.maxBytes) break;
      if (oldest === key) continue;
      this.entries.delete(oldest);
      this.bytes -= oldestSize;
      this.forget(oldest);
      removals.push(this.remove(oldest));
    }
    await Promise.all(removals);
  }

  /** @param {string} key */
  async remove(key) {
    await Promise.all([
      ...FILE_SUFFIXES.map((suffix) => fs.rm(this.pathOf(key, suffix), { force: true })),
      fs.rm(this.pathOf(key, SEGMENTS_SUFFIX), { force: true, recursive: true }),
    ]);
  }
}

/** Roughly what Next writes to disk for a page entry (its files' sizes). @param {any} value */
function entrySize(value) {
  if (!value) return 0;
  let size = 512; // the .meta file and its headers
  if (typeof value.html === "string") size += Buffer.byteLength(value.html);
  if (value.rscData) size += value.rscData.length;
  if (value.body) size += value.body.length;
  if (value.pageData) size += JSON.stringify(value.pageData).length;
  if (value.segmentData) for (const [, buffer] of value.segmentData) size += buffer.length;
  return size;
}

module.exports = { DiskBound, entrySize };
