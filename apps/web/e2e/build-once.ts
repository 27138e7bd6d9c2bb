/**
 * Global setup of the e2e project: one production build of the app for every browser test
 * file (each used to build its own, ~15 s apiece), removed when the run ends.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildWeb, PREBUILT_WEB_ENV } from "./stack";

export default async function buildOnce(): Promise<() => Promise<void>> {
  const outDir = await mkdtemp(join(tmpdir(), "lumen-web-e2e-build-"));
  await buildWeb(outDir);
  // Test workers start after global setup and inherit this.
  process.env[PREBUILT_WEB_ENV] = outDir;
  return () => rm(outDir, { recursive: true, force: true });
}
