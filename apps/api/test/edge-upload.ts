import { type Database, videoAssets, videoRenditions } from "@lumen/db";
import { eq } from "drizzle-orm";
import { z } from "zod";

export const uploadState = z.object({
  partBytes: z.number(),
  totalParts: z.number(),
  parts: z.array(z.object({ partNumber: z.number(), size: z.number() })),
  uploadedBytes: z.number(),
  completed: z.boolean(),
});

async function call<T extends z.ZodType>(url: string, init: RequestInit, shape: T) {
  const res = await fetch(url, init);
  const text = await res.text();
  if (!res.ok) throw new Error(`${init.method} ${url} answered ${res.status}: ${text}`);
  return shape.parse(JSON.parse(text)) as z.infer<T>;
}

/** The edge's upload routes, as the browser's uploader uses them. */
export function edgeUpload(uploadUrl: string) {
  return {
    start: () => call(uploadUrl, { method: "POST" }, uploadState),
    putPart: (n: number, bytes: Uint8Array) =>
      call(
        `${uploadUrl}/parts/${n}`,
        { method: "PUT", body: new Uint8Array(bytes) },
        z.object({ partNumber: z.number(), size: z.number() }),
      ),
    complete: () =>
      call(`${uploadUrl}/complete`, { method: "POST" }, z.object({ size: z.number() })),
  };
}

/** Part `n` (1-based) of a file cut into `partBytes` pieces. */
export function partOf(file: Uint8Array, n: number, partBytes: number): Uint8Array {
  return file.subarray((n - 1) * partBytes, n * partBytes);
}

/** Polls until the asset is ready or failed (or `timeoutMs` passes) and returns its row. */
export async function settledAsset(db: Database, assetId: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [asset] = await db.select().from(videoAssets).where(eq(videoAssets.id, assetId));
    if (!asset) throw new Error(`no asset ${assetId}`);
    if (asset.status === "ready" || asset.status === "failed" || Date.now() > deadline) {
      return asset;
    }
    await new Promise((r) => setTimeout(r, 500));
  }
}

export function renditionsOf(db: Database, assetId: string) {
  return db
    .select()
    .from(videoRenditions)
    .where(eq(videoRenditions.assetId, assetId))
    .orderBy(videoRenditions.height);
}

/** `#EXT-X-STREAM-INF` entries of a master playlist: resolution and URI, in listed order. */
export function variantsOf(master: string) {
  const lines = master.split("\n");
  return lines.flatMap((line, i) => {
    const resolution = /RESOLUTION=(\d+x\d+)/.exec(line)?.[1];
    const uri = lines[i + 1];
    return line.startsWith("#EXT-X-STREAM-INF:") && resolution && uri ? [{ resolution, uri }] : [];
  });
}
