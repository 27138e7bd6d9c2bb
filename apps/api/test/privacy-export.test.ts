import { dataExports } from "@lumen/db";
import { eq } from "drizzle-orm";
import { strFromU8, unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { privacyExportHandler } from "../src/jobs/privacy";
import { createLogger } from "../src/logger";
import { createTestApp, json, signUp, type TestApp, trpcData } from "./harness";

// The export over HTTP: requested through tRPC, built by the job handler (called directly,
// with the in-memory media store standing in for R2), downloaded from the API.
let t: TestApp;
let owner = "";
let stranger = "";
let exportId = "";

const exportView = z.object({
  id: z.uuid(),
  status: z.string(),
  downloadPath: z.string().nullable(),
});
const download = (id: string, cookie?: string) =>
  t.app.request(`/api/privacy/exports/${id}/download`, cookie ? { headers: { cookie } } : {});

beforeAll(async () => {
  t = await createTestApp();
  owner = await signUp(t, "ada@export.test");
  stranger = await signUp(t, "grace@export.test");
  const res = await t.app.request("/trpc/privacy.requestExport", json({}, { cookie: owner }));
  exportId = (await trpcData(res, exportView)).id;
  const handler = privacyExportHandler({
    db: t.database.db,
    media: t.media,
    logger: createLogger({ level: "error", write: () => {} }),
  });
  await handler.handle(
    { exportId },
    { jobId: "test", attempt: 0, signal: new AbortController().signal },
  );
});
afterAll(() => t.database.close());

describe("GET /api/privacy/exports/:id/download", () => {
  it("lists the export as ready and streams its owner a ZIP attachment with their profile", async () => {
    const list = await t.app.request("/trpc/privacy.exports", { headers: { cookie: owner } });
    const [listed] = await trpcData(list, z.array(exportView));
    expect(listed).toMatchObject({ id: exportId, status: "ready" });
    const res = await download(exportId, owner);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/zip");
    expect(res.headers.get("content-disposition")).toMatch(
      /^attachment; filename="lumen-export-\d{4}-\d{2}-\d{2}\.zip"$/,
    );
    expect(res.headers.get("cache-control")).toBe("private, no-store");
    const files = unzipSync(new Uint8Array(await res.arrayBuffer()));
    expect(strFromU8(files["profile.json"] ?? new Uint8Array())).toContain("ada@export.test");
    expect(strFromU8(files["profile.json"] ?? new Uint8Array())).not.toContain("grace@export.test");
  });

  it("answers another user the 404 of an unknown export, and an anonymous caller 401", async () => {
    const other = await download(exportId, stranger);
    expect(other.status).toBe(404);
    expect(await other.text()).not.toContain("ada@");
    expect((await download(exportId)).status).toBe(401);
    expect((await download("not-a-uuid", owner)).status).toBe(404);
  });

  it("answers 409 while a new export is still being prepared", async () => {
    const res = await t.app.request("/trpc/privacy.requestExport", json({}, { cookie: owner }));
    const pending = await trpcData(res, exportView);
    expect(pending).toMatchObject({ status: "requested", downloadPath: null });
    expect((await download(pending.id, owner)).status).toBe(409);
  });

  it("answers 410 once the export has expired", async () => {
    await t.database.db
      .update(dataExports)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(dataExports.id, exportId));
    const res = await download(exportId, owner);
    expect(res.status).toBe(410);
    const list = await t.app.request("/trpc/privacy.exports", { headers: { cookie: owner } });
    const listed = (await trpcData(list, z.array(exportView))).find((e) => e.id === exportId);
    expect(listed).toMatchObject({ status: "expired", downloadPath: null });
  });
});
