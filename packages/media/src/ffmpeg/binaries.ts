import { accessSync, constants, statSync } from "node:fs";
import { createRequire } from "node:module";
import { delimiter, isAbsolute, join } from "node:path";

export interface FfmpegConfig {
  ffmpegPath: string;
  ffprobePath: string;
}

function isExecutableFile(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function findOnPath(name: string, searchPath: string): string | null {
  for (const dir of searchPath.split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, name);
    if (isExecutableFile(candidate)) return candidate;
  }
  return null;
}

function resolveOne(
  name: string,
  envName: string,
  override: string | undefined,
  searchPath: string,
  useBundled: boolean,
) {
  if (override) {
    const path = isAbsolute(override) ? override : findOnPath(override, searchPath);
    if (path && isExecutableFile(path)) return path;
    throw new Error(`${envName}=${override} is not an executable file; fix or unset ${envName}.`);
  }
  const found = findOnPath(name, searchPath) ?? (useBundled ? bundledBinary(name) : null);
  if (found) return found;
  throw new Error(
    `${name} was not found on PATH. Install FFmpeg (Debian: apt-get install ffmpeg) or set ${envName} to the ${name} binary.`,
  );
}

const BUNDLED_PACKAGES: Record<string, string> = {
  ffmpeg: "@ffmpeg-installer/ffmpeg",
  ffprobe: "@ffprobe-installer/ffprobe",
};

/**
 * The static build shipped inside an npm package (optional dependencies, one per platform),
 * for machines without a system FFmpeg. Older (4.x) than Debian's, so the system one wins.
 */
function bundledBinary(name: string): string | null {
  const pkg = BUNDLED_PACKAGES[name];
  if (!pkg) return null;
  try {
    const { path } = createRequire(import.meta.url)(pkg) as { path?: unknown };
    return typeof path === "string" && isExecutableFile(path) ? path : null;
  } catch {
    return null;
  }
}

/**
 * The system ffmpeg/ffprobe (looked up on PATH, the one process-wide setting this reads), else
 * the npm-shipped static build, unless the app's parsed FFMPEG_PATH/FFPROBE_PATH override them.
 */
export function resolveFfmpeg(overrides?: {
  ffmpegPath?: string;
  ffprobePath?: string;
  /** Directories to search instead of PATH (tests). */
  searchPath?: string;
  /** Fall back to the npm-shipped static build when PATH has none (default true). */
  bundled?: boolean;
}): FfmpegConfig {
  const searchPath = overrides?.searchPath ?? process.env.PATH ?? "";
  const bundled = overrides?.bundled ?? true;
  return {
    ffmpegPath: resolveOne("ffmpeg", "FFMPEG_PATH", overrides?.ffmpegPath, searchPath, bundled),
    ffprobePath: resolveOne("ffprobe", "FFPROBE_PATH", overrides?.ffprobePath, searchPath, bundled),
  };
}
