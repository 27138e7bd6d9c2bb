/**
 * A retirement run in its own process, for the crash test: `tsx retire-child.ts <databaseUrl>
 * <retirementId> <stopAfterStep> <nowMs>`. After the named step commits it prints
 * `stopped <step>` and waits, for the test to kill it (SIGKILL: no cleanup, no goodbye).
 */
import { createDatabase } from "@lumen/db";
import { openOutbox } from "@lumen/jobs";
import { InMemoryMediaStore } from "@lumen/media";
import { runRetirement } from "../privacy";

const [url, retirementId, stopAfter, nowMs] = process.argv.slice(2);
if (!url || !retirementId || !stopAfter || !nowMs) throw new Error("usage: url id step nowMs");
const database = createDatabase({ driver: "postgres", url });
const outbox = await openOutbox(database.connection);
await runRetirement({
  db: database.db,
  // The steps up to stopAfter touch no files here; the test's own run deletes them.
  store: new InMemoryMediaStore(),
  outbox,
  retirementId,
  now: () => new Date(Number(nowMs)),
  hooks: {
    afterStep: async (step) => {
      if (step !== stopAfter) return;
      process.stdout.write(`stopped ${step}\n`);
      await new Promise(() => {});
    },
  },
});
