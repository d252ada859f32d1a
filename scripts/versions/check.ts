// Reads installed versions out of an npm lockfile and compares them with minimums, following
// semver's ordering: a prerelease (16.4.6-canary.2) comes before its release, so it is below a
// minimum of 16.4.6; build metadata (+sha) is ignored.

type Version = { core: [number, number, number]; pre: string[] };

const SEMVER = /^v?(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/;

export function parseVersion(text: string): Version | null {
  const m = SEMVER.exec(text.trim());
  if (!m) return null;
  return { core: [Number(m[1]), Number(m[2]), Number(m[3])], pre: m[4] ? m[4].split(".") : [] };
}

function comparePre(a: string[], b: string[]): number {
  // A release outranks any of its prereleases.
  if (a.length === 0 || b.length === 0) return b.length - a.length;
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] === undefined) return -1;
    if (b[i] === undefined) return 1;
    const [na, nb] = [/^\d+$/.test(a[i]), /^\d+$/.test(b[i])];
    if (na && nb && Number(a[i]) !== Number(b[i])) return Number(a[i]) < Number(b[i]) ? -1 : 1;
    // Numeric identifiers sort before alphanumeric ones.
    if (na !== nb) return na ? -1 : 1;
    if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
  }
  return 0;
}

/** Negative, zero or positive as `a` is below, equal to or above `b` (semver precedence). */
export function compareVersions(a: Version, b: Version): number {
  for (let i = 0; i < 3; i++) if (a.core[i] !== b.core[i]) return a.core[i] < b.core[i] ? -1 : 1;
  return comparePre(a.pre, b.pre);
}

type LockEntry = { version?: unknown; name?: unknown; link?: unknown };
export type Lockfile = { packages?: Record<string, LockEntry>; dependencies?: Record<string, LockEntry> };

/** Every installed copy of a package: the top-level one and any nested under another package. */
export function installedVersions(lock: Lockfile, name: string): { where: string; version: unknown; alias?: unknown }[] {
  const found: { where: string; version: unknown; alias?: unknown }[] = [];
  if (lock.packages) {
    for (const [where, entry] of Object.entries(lock.packages)) {
      if (where !== `node_modules/${name}` && !where.endsWith(`/node_modules/${name}`)) continue;
      if (entry.link) continue; // a symlink's target is listed under its own path
      found.push({ where, version: entry.version, alias: entry.name !== undefined && entry.name !== name ? entry.name : undefined });
    }
  } else if (lock.dependencies?.[name]) {
    // lockfileVersion 1 (npm 6) lists only the tree of `dependencies`.
    found.push({ where: name, version: lock.dependencies[name].version });
  }
  return found;
}

/** One message per package that is missing or below its minimum; empty when all is well. */
export function checkLockfile(lock: Lockfile, minimums: Readonly<Record<string, string>>): string[] {
  const problems: string[] = [];
  for (const [name, min] of Object.entries(minimums)) {
    const minimum = parseVersion(min);
    if (!minimum) throw new Error(`Minimum version of ${name} is not a version: "${min}"`);
    const copies = installedVersions(lock, name);
    if (copies.length === 0) problems.push(`${name} is not in the lockfile (expected ${min} or later).`);
    for (const { where, version, alias } of copies) {
      const parsed = typeof version === "string" ? parseVersion(version) : null;
      if (alias) problems.push(`${where} is installed from another package (${String(alias)}), not ${name}.`);
      else if (!parsed) problems.push(`${where} has no readable version (${JSON.stringify(version)}); expected ${min} or later.`);
      else if (compareVersions(parsed, minimum) < 0) problems.push(`${where} is ${String(version)}, below the minimum ${min} that carries the known security fixes.`);
    }
  }
  return problems;
}
