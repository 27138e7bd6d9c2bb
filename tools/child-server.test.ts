import { readFile } from "node:fs/promises";
import { expect, it } from "vitest";
import { startNodeChild, waitForOutput, waitUntilServing } from "./child-server";
import { freePort } from "./net";

const env = { PATH: process.env.PATH };

it("waits until the child serves, keeps its output, and stops it with SIGTERM", async () => {
  const port = await freePort();
  const server = `
    const http = require("node:http");
    console.log("starting");
    http.createServer((req, res) => res.end("ok")).listen(${port}, "127.0.0.1");
    process.on("SIGTERM", () => { console.log("terminated"); process.exit(0); });`;
  const proc = startNodeChild({ cwd: process.cwd(), args: ["-e", server], env });
  await waitUntilServing(`http://127.0.0.1:${port}/`, proc, Date.now() + 30_000);
  expect(await (await fetch(`http://127.0.0.1:${port}/`)).text()).toBe("ok");
  await proc.stop();
  expect(await proc.exited).toBe(0);
  expect(proc.output()).toBe("starting\nterminated\n");
});

it("fails with the child's output when it exits before serving, and kills one past its deadline", async () => {
  const crash = startNodeChild({
    cwd: process.cwd(),
    args: ["-e", `console.error("no DATABASE_URL"); process.exit(3)`],
    env,
  });
  const port = await freePort();
  await expect(
    waitUntilServing(`http://127.0.0.1:${port}/`, crash, Date.now() + 30_000, "API"),
  ).rejects.toThrow(/API exited with 3 at start-up:\nno DATABASE_URL/);

  const silent = startNodeChild({
    cwd: process.cwd(),
    args: ["-e", "setInterval(() => {}, 1000)"],
    env,
  });
  await expect(
    waitUntilServing(`http://127.0.0.1:${port}/`, silent, Date.now() + 300),
  ).rejects.toThrow(/server not ready at .* by its deadline/);
  expect(await silent.exited).toBeNull(); // killed by SIGKILL
  expect(silent.child.signalCode).toBe("SIGKILL");
});

it("in a group of its own, takes what it started with it; waits for a line it prints", async () => {
  const script = `
    const { spawn } = require("node:child_process");
    const sleeper = spawn("sleep", ["30"], { stdio: "ignore" });
    console.log("started " + sleeper.pid);
    setInterval(() => {}, 1000);`;
  const proc = startNodeChild({ cwd: process.cwd(), args: ["-e", script], env, group: true });
  await waitForOutput(/started \d+/, proc, Date.now() + 30_000, "parent");
  const grandchild = Number(/started (\d+)/.exec(proc.output())?.[1]);
  expect(await readFile(`/proc/${grandchild}/stat`, "utf8")).toContain("(sleep)");
  await proc.kill();
  // Gone, or a zombie its new parent has yet to reap: either way no longer running.
  const state = () =>
    readFile(`/proc/${grandchild}/stat`, "utf8").then(
      (stat) => stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3),
      () => "gone",
    );
  await expect.poll(state).toMatch(/^(gone|Z)$/);

  const quiet = startNodeChild({ cwd: process.cwd(), args: ["-e", "process.exit(0)"], env });
  await expect(waitForOutput(/never/, quiet, Date.now() + 30_000, "runner")).rejects.toThrow(
    /runner exited with 0 at start-up/,
  );
});
