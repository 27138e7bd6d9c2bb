import { createReadStream, createWriteStream } from "node:fs";
import { mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { MediaStore } from "@lumen/media";
import { getTableName } from "drizzle-orm";
import { ZipFile } from "yazl";
import type { Database } from "../kernel";
import { EXPORT_AREAS, exportReadme } from "./areas";
import { PRIVACY_REGISTRY } from "./registry";
import type { ExportArea, ExportFile, ExportRow } from "./types";

/** A web stream's chunks, for Node's Readable.from (one typing in Node and DOM libs alike). */
async function* chunks(body: ReadableStream<Uint8Array>) {
  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}

/** Every area's rows (by table) and the stored files they point at, for one user. */
export async function collectExport(db: Database, userId: string) {
  const areas = new Map<ExportArea, Record<string, ExportRow[]>>(
    EXPORT_AREAS.map((area) => [area, {}]),
  );
  const files: ExportFile[] = [];
  for (const entry of PRIVACY_REGISTRY) {
    const rule = entry.export;
    if ("exempt" in rule) continue;
    const rows = await rule.select(db, userId);
    const area = areas.get(rule.area) ?? {};
    area[getTableName(entry.table)] = rows;
    areas.set(rule.area, area);
    if (rule.files) files.push(...rule.files(rows));
  }
  return { areas, files };
}

/**
 * Writes the user's export as a ZIP to the media store (`exports/<id>.zip`) and answers its
 * size. The archive streams to a private temp file and from there to the store: R2 (through
 * the edge) needs the length up front, and a ZIP's length is known only at its end. Neither
 * the archive nor an uploaded file is ever held whole in memory; each JSON area is.
 */
export async function writeExportArchive({
  db,
  store,
  userId,
  exportId,
  now = new Date(),
}: {
  db: Database;
  store: MediaStore;
  userId: string;
  exportId: string;
  now?: Date;
}): Promise<{ sizeBytes: number }> {
  const { areas, files } = await collectExport(db, userId);
  const present: ExportFile[] = [];
  for (const f of files) if (await store.headFile(f.file)) present.push(f);

  const zip = new ZipFile();
  zip.addBuffer(Buffer.from(exportReadme(now, present.length)), "README.md");
  for (const [area, tables] of areas) {
    zip.addBuffer(Buffer.from(JSON.stringify(tables, null, 2)), `${area}.json`);
  }
  for (const f of present) {
    // Opened only when the zip reaches it: one download from the store at a time.
    zip.addReadStreamLazy(`files/${f.path}`, (done) => {
      store.getFile(f.file).then(
        (object) => done(null, Readable.from(object ? chunks(object.body) : [])),
        (error: unknown) => done(error, Readable.from([])),
      );
    });
  }
  zip.end();

  const dir = await mkdtemp(join(tmpdir(), "lumen-export-"));
  try {
    const path = join(dir, "export.zip");
    await pipeline(zip.outputStream, createWriteStream(path, { mode: 0o600 }));
    const { size } = await stat(path);
    const body = Readable.toWeb(createReadStream(path)) as ReadableStream<Uint8Array>;
    await store.putFile({ purpose: "export", id: exportId }, body, "application/zip", size);
    return { sizeBytes: size };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
