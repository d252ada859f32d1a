// How long a piece of work took, in CPU milliseconds of this process rather than on the wall
// clock: a time budget then measures the work itself and holds on a loaded machine (CI runs both
// engines' suites and a build side by side on two cores), where wall time stretches with the load.

/** CPU milliseconds (user + system) spent by this process since `since` (from `cpuNow()`). */
export function cpuMsSince(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
}

export const cpuNow = (): NodeJS.CpuUsage => process.cpuUsage();

/** CPU milliseconds a synchronous piece of work takes. */
export function cpuMsOf(work: () => unknown): number {
  const since = cpuNow();
  work();
  return cpuMsSince(since);
}
