import { chmod, mkdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { SUPERVISOR_SOURCE } from "./grade/supervisor-source";
import { type LanguageName, languages } from "./languages";
import { ociSpec, WORK_DIR } from "./oci";
import type { Limits, ParsedRunRequest } from "./request";
import { type RuntimeMount, runtimeMounts } from "./runtime";

/** Where a batch's supervisor is mounted (read-only) inside the sandbox. */
const SUPERVISOR_DIR = "/opt/lumen";

/**
 * Lays out one run in `dir`: `work/` (the program's files, readable by the sandbox's
 * unprivileged user) and `bundle/` (config.json and an empty rootfs holding only the mount
 * points, so nothing of the host is visible but what is mounted).
 */
export async function writeBundle(dir: string, request: ParsedRunRequest): Promise<string> {
  const language = languages[request.language];
  const runtime = await runtimeMounts(request.language);
  const work = join(dir, "work");
  await writeFiles(work, request.files);
  return writeSpec(dir, runtime, {
    argv: language.command(request.entry, request.args),
    env: language.env,
    workSource: work,
    limits: request.limits,
  });
}

/**
 * A batch's bundle: the submission's files in `work/src/` (the supervisor copies them for each
 * run), the supervisor mounted read-only, and the runtimes of both the language and the
 * supervisor (Python).
 */
export async function writeBatchBundle(
  dir: string,
  request: { language: LanguageName; files: Record<string, string>; limits: Limits },
): Promise<string> {
  const work = join(dir, "work");
  await writeFiles(join(work, "src"), request.files);
  await chmod(work, 0o777);
  const supervisor = join(dir, "supervisor");
  await mkdir(supervisor);
  await writeFile(join(supervisor, "supervisor.py"), SUPERVISOR_SOURCE, { mode: 0o644 });
  const mounts = [
    ...(await runtimeMounts(request.language)),
    ...(await runtimeMounts("python")),
    { source: supervisor, destination: SUPERVISOR_DIR, kind: "directory" as const },
  ];
  const runtime = [...new Map(mounts.map((m) => [m.destination, m])).values()];
  return writeSpec(dir, runtime, {
    argv: ["/usr/bin/python3", "-I", "-B", `${SUPERVISOR_DIR}/supervisor.py`],
    env: {},
    workSource: work,
    limits: request.limits,
    supervisor: true,
  });
}

async function writeFiles(work: string, files: Record<string, string>) {
  await mkdir(work, { recursive: true });
  await chmod(work, 0o777);
  for (const [path, content] of Object.entries(files)) {
    const file = join(work, path);
    await mkdirOpen(work, dirname(file));
    await writeFile(file, content, { mode: 0o644 });
  }
}

async function writeSpec(
  dir: string,
  runtime: RuntimeMount[],
  options: Omit<Parameters<typeof ociSpec>[0], "runtime">,
): Promise<string> {
  const bundle = join(dir, "bundle");
  const rootfs = join(bundle, "rootfs");
  for (const path of ["/proc", "/dev", WORK_DIR])
    await mkdir(join(rootfs, path), { recursive: true });
  for (const mount of runtime) {
    const point = join(rootfs, mount.destination);
    if (mount.kind === "directory") {
      await mkdir(point, { recursive: true });
    } else {
      await mkdir(dirname(point), { recursive: true });
      await writeFile(point, "");
    }
  }
  const spec = ociSpec({ ...options, runtime });
  await writeFile(join(bundle, "config.json"), JSON.stringify(spec));
  return bundle;
}

/** mkdir -p below `root`, each new directory writable by the sandbox's user. */
async function mkdirOpen(root: string, dir: string) {
  if (dir === root) return;
  await mkdirOpen(root, dirname(dir));
  await mkdir(dir).catch(() => undefined);
  await chmod(dir, 0o777);
}
