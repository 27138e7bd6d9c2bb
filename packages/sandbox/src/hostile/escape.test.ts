/**
 * Hostile programs that try to reach the host: the network, its files, its secrets, other
 * runs, the grader process. Each attempt fails inside the sandbox, the host-side effect is
 * absent, and the next run still works (afterEach).
 */
import { existsSync } from "node:fs";
import { readFile, rm, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeAll, expect, test, vi } from "vitest";
import { expectSandboxStillServes, requireSandbox, runJavaScript, runPython } from "../testing";

beforeAll(requireSandbox);
afterEach(async () => {
  vi.unstubAllEnvs();
  await expectSandboxStillServes();
});

test("a TCP connection to a listener on the host's loopback never arrives", async () => {
  let connections = 0;
  const server: Server = createServer((socket) => {
    connections++;
    socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  try {
    const python = await runPython(
      `import socket\ntry:\n    socket.create_connection(("127.0.0.1", ${port}), timeout=2).send(b"hi")\n    print("connected")\nexcept OSError as e:\n    print("refused", e)`,
      { timeMs: 3_000 },
    );
    const javascript = await runJavaScript(
      `require("node:net").connect(${port}, "127.0.0.1").on("connect", () => console.log("connected")).on("error", (e) => console.log("refused", e.code));`,
      { timeMs: 3_000 },
    );
    for (const result of [python, javascript]) {
      expect(result.status).toBe("ok");
      expect(result.stdout).toMatch(/^refused/);
    }
    expect(connections).toBe(0);
  } finally {
    server.close();
  }
});

test("/etc/shadow, /proc/1/environ and the grader's environment are out of reach", async () => {
  const secret = `lumen-secret-${crypto.randomUUID()}`;
  vi.stubEnv("LUMEN_SANDBOX_TEST_SECRET", secret);
  const result = await runPython(`import os
for path in ["/etc/shadow", "/etc/passwd", "/proc/1/environ", "/proc/self/environ"]:
    try:
        print(path, repr(open(path, "rb").read()))
    except OSError as e:
        print(path, "refused", e.errno)
for pid in [p for p in os.listdir("/proc") if p.isdigit()]:
    try:
        print(pid, repr(open(f"/proc/{pid}/environ", "rb").read()))
    except OSError as e:
        print(pid, "refused", e.errno)
print(sorted(os.environ))`);
  expect(result.status).toBe("ok");
  expect(result.stdout).toContain("/etc/shadow refused 2"); // ENOENT: no /etc at all
  expect(result.stdout).toContain("/etc/passwd refused 2");
  expect(result.stdout).not.toContain(secret);
  expect(result.stdout).not.toMatch(/root:/);
  // Nothing but the sandbox's own few variables.
  expect(result.stdout).toContain(
    "['HOME', 'LANG', 'PATH', 'PYTHONDONTWRITEBYTECODE', 'PYTHONIOENCODING']",
  );
});

test("a run sees nothing of another run, alive or finished", async () => {
  const secret = `other-run-${crypto.randomUUID()}`;
  const keeper = `import time
open("secret.txt", "w").write("${secret}")
open("/tmp/secret.txt", "w").write("${secret}")
time.sleep(2.5)`;
  const snoop = `import os
secret = "${[...secret].reverse().join("")}"[::-1]  # not spelled out in its own source
found = []
for root, dirs, files in os.walk("/"):
    if root == "/":
        dirs[:] = [d for d in dirs if d not in ("proc", "sys", "dev")]
    for name in files:
        path = os.path.join(root, name)
        try:
            if secret in open(path, errors="ignore").read(1 << 16):
                found.append(path)
        except OSError:
            pass
found += [pid for pid in os.listdir("/proc") if pid.isdigit() and pid != str(os.getpid())]
print("found", found)`;
  const alive = runPython(keeper, { timeMs: 4_000 });
  await new Promise((resolve) => setTimeout(resolve, 800));
  const during = await runPython(snoop, { timeMs: 4_000 });
  expect((await alive).status).toBe("ok");
  const after = await runPython(snoop, { timeMs: 4_000 });
  for (const result of [during, after]) {
    expect(result.status).toBe("ok");
    expect(result.stdout).toBe("found []\n");
  }
});

test("symlinks and /proc/self/root lead to the sandbox's own root, not the host's", async () => {
  const secret = `host-canary-${crypto.randomUUID()}`;
  const canary = join(tmpdir(), `${secret}.txt`);
  await writeFile(canary, secret);
  try {
    const result = await runPython(`import os
os.symlink("${canary}", "direct")
os.symlink("/", "root")
os.symlink("/proc/self/root/../../..", "up")
paths = ["direct", "root${canary}", "up${canary}", "/proc/self/root${canary}",
         "/proc/1/root${canary}", "/proc/self/cwd/../../..${canary}", "/etc/hostname",
         "/proc/self/root/etc/shadow"]
for path in paths:
    try:
        print(path, repr(open(path).read()))
    except OSError as e:
        print(path, "refused", e.errno)
print(sorted(os.listdir("/proc/self/root")))`);
    expect(result.status).toBe("ok");
    expect(result.stdout).not.toContain(`'${secret}'`);
    expect(result.stdout.match(/refused/g)).toHaveLength(8);
    expect(result.stdout).toContain("['dev', 'lib', 'lib64', 'proc', 'sys', 'tmp', 'usr', 'work']");
  } finally {
    await rm(canary, { force: true });
  }
});

test("writes outside the work directory fail or stay inside the sandbox", async () => {
  const name = `escape-${crypto.randomUUID()}`;
  const targets = [
    `/${name}`,
    `/usr/bin/${name}`,
    `/usr/lib/${name}`,
    `/lib/x86_64-linux-gnu/${name}`,
    join(tmpdir(), name),
    `/proc/self/root/${name}`,
    `/work/../${name}`,
  ];
  const result = await runPython(`import os
for path in ${JSON.stringify(targets)}:
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        open(path, "w").write("escaped")
        print(path, "written")
    except OSError as e:
        print(path, "refused", e.errno)
try:
    open("/usr/bin/python3", "w").write("overwritten")
    print("runtime overwritten")
except OSError as e:
    print("runtime refused", e.errno)`);
  expect(result.status).toBe("ok");
  expect(result.stdout).toContain("runtime refused");
  // /tmp inside is the sandbox's own; nothing of any attempt reached the host.
  for (const target of [...targets, `/tmp/${name}`]) expect(existsSync(target)).toBe(false);
  expect(await readFile("/usr/bin/python3")).not.toEqual(Buffer.from("overwritten"));
});

test("killing the parent, or everything, ends only the program", async () => {
  const python = await runPython(`import os, signal
print(os.getpid(), os.getppid(), flush=True)
for pid in [os.getppid(), 1, -1]:
    try:
        os.kill(pid, signal.SIGKILL)
    except OSError as e:
        print(pid, "refused", e.errno, flush=True)`);
  expect(python).toMatchObject({ status: "runtime_error", signal: "SIGKILL" });
  expect(python.stdout.startsWith("1 0\n")).toBe(true); // it is init of its own pid namespace
  const javascript = await runJavaScript(
    "process.kill(process.ppid, 'SIGKILL'); process.kill(-1, 'SIGKILL');",
  );
  expect(javascript).toMatchObject({ status: "runtime_error", signal: "SIGKILL" });
  // This process (the grader) is alive to see it; afterEach runs the next submission.
  expect(process.kill(process.pid, 0)).toBe(true);
});
