import { mkdir, readFile, unlink, writeFile } from "node:fs/promises";
import { dirname } from "node:path";

/**
 * A pid file next to the data directory. PGlite has no postmaster.pid of its own that
 * another PGlite would honour, and two instances on one directory corrupt it.
 * A file left by a process that no longer runs (kill -9) is taken over.
 */
export async function acquireDataDirLock(dataDir: string): Promise<() => Promise<void>> {
  const lockFile = `${dataDir}.lock`;
  await mkdir(dirname(lockFile), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await writeFile(lockFile, String(process.pid), { flag: "wx" });
      return async () => {
        await unlink(lockFile).catch(() => {});
      };
    } catch (error) {
      if (!isErrno(error, "EEXIST")) throw error;
      const holder = Number((await readFile(lockFile, "utf8").catch(() => "")).trim());
      if (Number.isInteger(holder) && holder > 0 && isAlive(holder)) {
        throw new Error(
          `${dataDir} is in use by process ${holder} (another \`pnpm dev\`?). Stop it first.`,
        );
      }
      await unlink(lockFile).catch(() => {});
    }
  }
  throw new Error(`could not lock ${dataDir}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return isErrno(error, "EPERM");
  }
}

function isErrno(error: unknown, code: string): boolean {
  return error instanceof Error && "code" in error && error.code === code;
}
