/** Reading a production build's Vite manifest: which files a page loads before any lazy(). */
import { readFile } from "node:fs/promises";
import { join } from "node:path";

export interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}

export type Manifest = Record<string, ManifestChunk>;

export async function readManifest(outDir: string): Promise<Manifest> {
  return JSON.parse(await readFile(join(outDir, ".vite", "manifest.json"), "utf8"));
}

/** A page's entry and everything it imports statically (manifest keys). */
export function initialChunks(manifest: Manifest, key: string, seen = new Set<string>()) {
  if (seen.has(key)) return seen;
  seen.add(key);
  for (const imported of manifest[key]?.imports ?? []) initialChunks(manifest, imported, seen);
  return seen;
}

/** The JS files a page (a manifest key, e.g. "index.html") loads before any lazy(). */
export function initialJsFiles(manifest: Manifest, key: string): string[] {
  return [...initialChunks(manifest, key)]
    .map((chunk) => manifest[chunk]?.file ?? "")
    .filter((file) => file.endsWith(".js"));
}
