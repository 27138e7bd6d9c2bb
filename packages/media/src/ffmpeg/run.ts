import { spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { setPriority, tmpdir } from "node:os";
import { isAbsolute, join } from "node:path";
import { fileURLToPath } from "node:url";
import { MediaRejectedError, TOO_LONG_REASON } from "./errors";
import type { ContainerFormat } from "./sniff";

export interface RunOptions {
  /** Wall-clock limit; exceeding it kills the process group and rejects the media. */
  timeoutMs: number;
  signal?: AbortSignal;
  /** OS niceness (0–19) so background rungs yield the CPU to the first playable rendition. */
  niceness?: number;
  onStdoutLine?: (line: string) => void;
  /** Keep stdout bytes (up to this many); otherwise stdout is only split into lines. */
  captureStdoutBytes?: number;
  /** Told the child's pid (which is also its process group id), e.g. for logging. */
  onSpawn?: (pid: number) => void;
}

export interface RunResult {
  exitCode: number | null;
  stdout: Buffer;
  /** The tail of stderr, bounded so a chatty or hostile input cannot exhaust memory. */
  stderr: string;
}

const STDERR_KEEP_CHARS = 16 * 1024;

/** Charset aliases that keep iconv from loading system modules (see gconv/gconv-modules). */
const GCONV_DIR = fileURLToPath(new URL("./gconv", import.meta.url));

// The child sees PATH only: no signing keys or database URLs in ffmpeg's environment.
function childEnv(): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH ?? "/usr/local/bin:/usr/bin:/bin",
    LC_ALL: "C",
    GCONV_PATH: GCONV_DIR,
  };
}

function killGroup(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, "SIGKILL");
  } catch {
    // ESRCH: the group is already gone.
  }
}

/**
 * Run a binary without a shell in its own process group (`detached`), so a timeout or an
 * abort kills it and anything it started. When the parent dies instead, ffmpeg's progress
 * writes to the closed stdout pipe end it (SIGPIPE).
 */
export function runProcess(
  command: string,
  args: readonly string[],
  options: RunOptions,
): Promise<RunResult> {
  const { signal } = options;
  if (signal?.aborted) return Promise.reject(signal.reason);
  return new Promise<RunResult>((resolve, reject) => {
    const child = spawn(command, args, {
      detached: true,
      shell: false,
      stdio: ["ignore", "pipe", "pipe"],
      env: childEnv(),
    });
    if (child.pid !== undefined) options.onSpawn?.(child.pid);
    if (options.niceness && child.pid !== undefined) {
      lowerPriority(child.pid, options.niceness);
    }
    let stopped: "timeout" | "abort" | null = null;
    let stderr = "";
    let pendingLine = "";
    const stdoutChunks: Buffer[] = [];
    let stdoutBytes = 0;

    child.stderr.setEncoding("utf8");
    child.stderr.on("data", (chunk: string) => {
      stderr += chunk;
      if (stderr.length > 2 * STDERR_KEEP_CHARS) stderr = stderr.slice(-STDERR_KEEP_CHARS);
    });
    child.stdout.on("data", (chunk: Buffer) => {
      const keep = options.captureStdoutBytes ?? 0;
      if (stdoutBytes < keep) {
        stdoutChunks.push(chunk.subarray(0, keep - stdoutBytes));
        stdoutBytes += Math.min(chunk.length, keep - stdoutBytes);
      }
      if (options.onStdoutLine) {
        const lines = (pendingLine + chunk.toString("utf8")).split("\n");
        pendingLine = lines.pop() ?? "";
        for (const line of lines) options.onStdoutLine(line.trimEnd());
      }
    });

    const stop = (why: "timeout" | "abort") => {
      stopped ??= why;
      killGroup(child.pid);
    };
    const timer = setTimeout(() => stop("timeout"), options.timeoutMs);
    const onAbort = () => stop("abort");
    signal?.addEventListener("abort", onAbort, { once: true });
    const cleanup = () => {
      clearTimeout(timer);
      signal?.removeEventListener("abort", onAbort);
    };

    child.on("error", (error) => {
      cleanup();
      killGroup(child.pid);
      reject(new Error(`could not start ${command}: ${error.message}`, { cause: error }));
    });
    child.on("close", (exitCode) => {
      cleanup();
      if (stopped === "abort") return reject(signal?.reason);
      if (stopped === "timeout") {
        return reject(new MediaRejectedError(TOO_LONG_REASON, { cause: new Error(stderr) }));
      }
      resolve({ exitCode, stdout: Buffer.concat(stdoutChunks), stderr });
    });
  });
}

/** Run `fn` with a fresh mkdtemp directory (mode 0700) that is always removed afterwards. */
export async function withPrivateTempDir<T>(fn: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), "lumen-media-"));
  try {
    return await fn(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Paths handed to ffmpeg must be absolute (never read as an option or a `proto:` URL) and free
 * of `%` (which ffmpeg's muxers expand as a pattern).
 */
export function safeMediaPath(path: string): string {
  if (!isAbsolute(path) || path.includes("%") || /[\r\n]/.test(path)) {
    throw new Error(`refusing unsafe media path: ${JSON.stringify(path)}`);
  }
  return path;
}

/** A download's loopback address (transcode/source-download.ts): the only URL FFmpeg may open. */
const LOOPBACK_SOURCE = /^http:\/\/127\.0\.0\.1:\d{1,5}\/[0-9a-f]{32}$/;

/**
 * The hardened input: the demuxer is named (never probed, so the HLS, concat and image2
 * demuxers cannot engage) and only local files and pipes may be opened, or, for a source still
 * downloading, HTTP to this runner's own loopback server (none of the named demuxers opens a
 * URL of its own, so the media cannot name another address).
 */
export function hardenedInput(format: ContainerFormat, input: string): string[] {
  return [...inputProtocols(input), ...demuxerArgs(format), "-i", safeMediaInput(input)];
}

/** `-protocol_whitelist` for an input: a loopback source URL needs http over tcp. */
export function inputProtocols(input: string): string[] {
  return ["-protocol_whitelist", LOOPBACK_SOURCE.test(input) ? "http,tcp" : "file,pipe"];
}

/** An input path (see safeMediaPath) or a loopback source URL, else an error. */
export function safeMediaInput(input: string): string {
  return LOOPBACK_SOURCE.test(input) ? input : safeMediaPath(input);
}

/**
 * `-f <format>`, plus for MP4/MOV an explicit "no external data references" (already the
 * default, stated so a crafted `dref` box can never point the demuxer at another file).
 */
export function demuxerArgs(format: ContainerFormat): string[] {
  return format === "mov" ? ["-f", "mov", "-enable_drefs", "0"] : ["-f", format];
}

/** Flags every ffmpeg (not ffprobe) invocation starts with. */
export const FFMPEG_BASE_ARGS: readonly string[] = ["-nostdin", "-hide_banner", "-v", "error"];

/**
 * Lowers a child's CPU priority. The child leads its own session (detached, so a timeout can
 * kill its group), and Linux's autogroup scheduler shares the CPU between sessions before nice
 * values count — so the session's autogroup gets the niceness too. Failure is not fatal: the
 * encode still runs, only without yielding the CPU.
 */
function lowerPriority(pid: number, niceness: number) {
  try {
    setPriority(pid, niceness);
  } catch {}
  try {
    writeFileSync(`/proc/${pid}/autogroup`, String(niceness));
  } catch {}
}
