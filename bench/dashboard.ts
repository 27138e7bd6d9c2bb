/**
 * Instructor dashboard at scale: `pnpm bench dashboard [options]`
 *   --learners N     enrollments in the course (default 100000)
 *   --events N       progress events, about (default 20000000)
 *   --attempts N     quiz attempts, about (default 1000000)
 *   --fresh          rebuild the dataset even if the database holds one of this size
 * Needs Postgres (BENCH_DATABASE_URL / TEST_DATABASE_URL).
 */

import { openBenchDatabase } from "./dashboard/database";
import { benchArgs } from "./lib/args";

const { values } = benchArgs({
  options: {
    learners: { type: "string", default: "100000" },
    events: { type: "string", default: "20000000" },
    attempts: { type: "string", default: "1000000" },
    fresh: { type: "boolean", default: false },
  },
});
const adminUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
if (!adminUrl) throw new Error("pnpm bench dashboard needs Postgres: set TEST_DATABASE_URL");
const size = {
  learners: Number(values.learners),
  events: Number(values.events),
  quizAttempts: Number(values.attempts),
  days: 90,
};
const opened = await openBenchDatabase({ adminUrl, size, fresh: values.fresh, log: console.log });
console.log(opened.marker);
await opened.client.close();
