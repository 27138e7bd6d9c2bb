import { execFile } from "node:child_process";
import { readdir, realpath } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { type LanguageName, languages } from "./languages";

const run = promisify(execFile);

/** One read-only bind mount: `source` on the host appears at `destination` in the sandbox. */
export interface RuntimeMount {
  source: string;
  destination: string;
  kind: "file" | "directory";
}

const cache = new Map<LanguageName, Promise<RuntimeMount[]>>();

/**
 * Exactly the files a language's runtime needs: its binary, its trees, and every shared
 * library (and the loader) that the binary or a library under its trees links. Resolved once
 * per process with ldd on the host's trusted runtime.
 */
export function runtimeMounts(language: LanguageName): Promise<RuntimeMount[]> {
  let mounts = cache.get(language);
  if (!mounts) {
    mounts = resolveMounts(language);
    mounts.catch(() => cache.delete(language));
    cache.set(language, mounts);
  }
  return mounts;
}

async function resolveMounts(language: LanguageName): Promise<RuntimeMount[]> {
  const spec = languages[language];
  const binary = await realpath(spec.hostBinary());
  const trees = spec.trees(binary);
  const objects = [binary];
  for (const tree of trees) objects.push(...(await sharedObjects(tree)));
  const libraries = new Set<string>();
  for (const object of objects) for (const lib of await linkedLibraries(object)) libraries.add(lib);
  const mounts: RuntimeMount[] = [{ source: binary, destination: spec.binary, kind: "file" }];
  for (const tree of trees) mounts.push({ source: tree, destination: tree, kind: "directory" });
  for (const lib of [...libraries].sort()) {
    mounts.push({ source: await realpath(lib), destination: lib, kind: "file" });
  }
  return mounts;
}

async function sharedObjects(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith(".so"))
    .map((entry) => join(entry.parentPath, entry.name));
}

/** Absolute paths ldd prints: "libc.so.6 => /lib/…/libc.so.6 (0x…)", "/lib64/ld-linux… (0x…)". */
export function parseLdd(output: string): string[] {
  const paths: string[] = [];
  for (const line of output.split("\n")) {
    const match = /(?:=>\s*)?(\/\S+)\s+\(0x[0-9a-f]+\)/.exec(line);
    if (match?.[1]) paths.push(match[1]);
  }
  return paths;
}

async function linkedLibraries(object: string): Promise<string[]> {
  try {
    const { stdout } = await run("ldd", [object], { env: { PATH: "/usr/bin:/bin" } });
    return parseLdd(stdout);
  } catch {
    return []; // statically linked, or not an ELF object ldd understands
  }
}
