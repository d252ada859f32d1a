import { inject } from "vitest";

process.env.DATABASE_URL = inject("databaseUrl");
process.env.DEPT_TEST_BASE_DATABASE_URL = inject("baseDatabaseUrl");
