/** The grader process itself dies mid-run (a deploy, the OOM killer): its sandbox goes too. */
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { beforeAll, expect, test } from "vitest";
import { expectSandboxStillServes, leftoverSandboxes, requireSandbox } from "../testing";

beforeAll(requireSandbox);

const testing = fileURLToPath(new URL("../testing/index.ts", import.meta.url));
/** Polls `check` until it holds or `ms` of wall-clock time passed (each check runs `ps`). */
const waitFor = async (check: () => Promise<boolean>, ms: number) => {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline && !(await check())) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};

test("a grader killed during a busy-looping run leaves no sandbox behind", async () => {
  const grader = spawn(
    process.execPath,
    [
      "--import",
      "tsx",
      "-e",
      `import(${JSON.stringify(testing)}).then((t) => t.runPython("while True: pass", { timeMs: 10000 }))`,
    ],
    { stdio: "ignore" },
  );
  await waitFor(async () => (await leftoverSandboxes(grader.pid ?? -1)).length > 0, 30_000);
  expect(await leftoverSandboxes(grader.pid ?? -1)).not.toEqual([]); // the run is up
  grader.kill("SIGKILL");
  // Parent-death signals end runsc, its gofer and sandbox at once; gVisor's teardown has taken
  // over 5 s on CI's loaded 2-core machine.
  await waitFor(async () => (await leftoverSandboxes(grader.pid ?? -1)).length === 0, 30_000);
  expect(await leftoverSandboxes(grader.pid ?? -1)).toEqual([]);
  await expectSandboxStillServes();
}, 90_000);
