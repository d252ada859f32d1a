import { inject } from "vitest";

const urls = inject("databaseUrls");
// VITEST_POOL_ID numbers the workers from 1 up to maxWorkers, each running one file at a time.
const worker = Number(process.env.VITEST_POOL_ID ?? 1);
process.env.DATABASE_URL = urls[(worker - 1) % urls.length];
process.env.DEPT_TEST_BASE_DATABASE_URL = inject("baseDatabaseUrl");
