import { chmod, mkdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { languages } from "./languages";
import { ociSpec, WORK_DIR } from "./oci";
import type { ParsedRunRequest } from "./request";
import { runtimeMounts } from "./runtime";

/**
 * Lays out one run in `dir`: `work/` (the program's files, readable by the sandbox's
 * unprivileged user) and `bundle/` (config.json and an empty rootfs holding only the mount
 * points, so nothing of the host is visible but what is mounted).
 */
export async function writeBundle(dir: string, request: ParsedRunRequest): Promise<string> {
  const language = languages[request.language];
  const runtime = await runtimeMounts(request.language);
  const work = join(dir, "work");
  await mkdir(work);
  await chmod(work, 0o777);
  for (const [path, content] of Object.entries(request.files)) {
    const file = join(work, path);
    await mkdirOpen(work, dirname(file));
    await writeFile(file, content, { mode: 0o644 });
  }

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
  const spec = ociSpec({
    argv: language.command(request.entry, request.args),
    env: language.env,
    runtime,
    workSource: work,
    limits: request.limits,
  });
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
