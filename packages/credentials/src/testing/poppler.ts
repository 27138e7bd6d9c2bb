/**
 * Test helpers: the PDF read back by poppler-utils (pdftotext, pdftoppm, pdffonts, pdfsig,
 * pdfdetach), the tools a reader of the file would use. Debian package: poppler-utils.
 */
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

/** Runs `fn` with the PDF written to a temporary file. */
export async function withPdfFile<T>(
  bytes: Uint8Array,
  fn: (path: string, dir: string) => Promise<T>,
): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), "lumen-pdf-"));
  try {
    const path = join(dir, "document.pdf");
    await writeFile(path, bytes);
    return await fn(path, dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** pdftotext's lines, without the bidi embedding marks it wraps right-to-left text in. */
export function pdfTextLines(bytes: Uint8Array): Promise<string[]> {
  return withPdfFile(bytes, async (path) => {
    const { stdout } = await run("pdftotext", ["-enc", "UTF-8", path, "-"]);
    return stdout
      .replace(/[\u202a-\u202c]/g, "")
      .split("\n")
      .map((line) => line.trim())
      .filter((line) => line !== "" && line !== "\f");
  });
}

export interface GrayImage {
  width: number;
  height: number;
  pixels: Uint8Array;
}

/** A region of page 1 rendered by pdftoppm at 72 dpi (1 px = 1 pt), top-left origin, in gray. */
export function renderRegion(
  bytes: Uint8Array,
  region: { x: number; y: number; width: number; height: number },
): Promise<GrayImage> {
  return withPdfFile(bytes, async (path, dir) => {
    const out = join(dir, "region");
    const box = [region.x, region.y, region.width, region.height].map((v) => String(Math.round(v)));
    await run("pdftoppm", [
      "-gray",
      "-r",
      "72",
      "-singlefile",
      "-x",
      box[0] ?? "0",
      "-y",
      box[1] ?? "0",
      "-W",
      box[2] ?? "0",
      "-H",
      box[3] ?? "0",
      path,
      out,
    ]);
    return parsePgm(await readFile(`${out}.pgm`));
  });
}

function parsePgm(file: Buffer): GrayImage {
  const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(file.subarray(0, 64).toString("latin1"));
  if (!header) throw new Error("pdftoppm did not write a binary PGM");
  const [whole, width, height] = header;
  return {
    width: Number(width),
    height: Number(height),
    pixels: new Uint8Array(file.subarray(whole.length)),
  };
}

/** Pixels darker than mid-gray: ink. */
export function inkPixels(image: GrayImage): number {
  return image.pixels.reduce((sum, value) => sum + (value < 128 ? 1 : 0), 0);
}

/** Pixels whose ink differs between two renderings of the same region. */
export function differingPixels(a: GrayImage, b: GrayImage): number {
  let count = 0;
  for (let i = 0; i < a.pixels.length; i++) {
    if ((a.pixels[i] ?? 255) < 128 !== (b.pixels[i] ?? 255) < 128) count++;
  }
  return count;
}

/** pdffonts' table: font name, type, embedded and subset flags. */
export function pdfFonts(
  bytes: Uint8Array,
): Promise<Array<{ name: string; type: string; embedded: boolean; subset: boolean }>> {
  return withPdfFile(bytes, async (path) => {
    const { stdout } = await run("pdffonts", [path]);
    return stdout
      .split("\n")
      .slice(2)
      .filter((line) => line.trim() !== "")
      .map((line) => {
        const match = /^(\S+)\s+(.+?)\s{2,}(\S+)\s+(yes|no)\s+(yes|no)\s+(yes|no)/.exec(line);
        return {
          name: match?.[1] ?? line,
          type: match?.[2] ?? "",
          embedded: match?.[4] === "yes",
          subset: match?.[5] === "yes",
        };
      });
  });
}

export { run as execFileAsync };

/** pdfsig's report (it exits non-zero for a bad signature, so its output is read either way). */
export function pdfsig(bytes: Uint8Array): Promise<string> {
  return withPdfFile(bytes, async (path) => {
    try {
      return (await run("pdfsig", [path])).stdout;
    } catch (error) {
      return String((error as { stdout?: unknown }).stdout ?? error);
    }
  });
}

/** Every attachment of the PDF (pdfdetach -saveall), by file name, as text. */
export function pdfAttachments(bytes: Uint8Array): Promise<Record<string, string>> {
  return withPdfFile(bytes, async (path, dir) => {
    const { stdout } = await run("pdfdetach", ["-list", path]);
    const names = [...stdout.matchAll(/^\d+: (.+)$/gm)].map(([, name]) => name ?? "");
    await run("pdfdetach", ["-saveall", "-o", dir, path]);
    const files: Record<string, string> = {};
    for (const name of names) files[name] = await readFile(join(dir, name), "utf8");
    return files;
  });
}
