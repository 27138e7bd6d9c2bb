import { expireDataExports, signExportLink } from "@lumen/core/privacy";
import { dataExports, privacyAuditLog } from "@lumen/db";
import { eq } from "drizzle-orm";
import { strFromU8, unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { sendEmailsHandler } from "../src/jobs/email";
import { privacyExportHandler } from "../src/jobs/privacy";
import { createLogger } from "../src/logger";
import { createMailer } from "../src/mailer";
import { createTestApp, json, signUp, type TestApp, trpcData } from "./harness";

// The signed, expiring download link (ADR 0027): mailed when the export is ready and handed
// out by the privacy page; it downloads without a session, and says why when it does not.
let t: TestApp;
let owner = "";
let first = { id: "", link: new URL("http://invalid") };
const EMAIL = "ada@link.test";
const DAY = 864e5;
const quiet = createLogger({ level: "error", write: () => {} });
const context = { jobId: "test", attempt: 0, signal: new AbortController().signal };

const exportView = z.object({
  id: z.uuid(),
  status: z.string(),
  downloadPath: z.string().nullable(),
  linkExpiresAt: z.string().nullable(),
});
const errorBody = z.object({
  error: z.object({ code: z.string(), message: z.string(), renewUrl: z.string().optional() }),
});
const get = (path: string, cookie?: string) =>
  t.app.request(path, cookie ? { headers: { cookie } } : {});
/** What Chromium and Firefox send when a person opens a link (a click in a mail client). */
const NAVIGATION =
  "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8";
const getAccepting = (path: string, accept: string) => t.app.request(path, { headers: { accept } });
/** A browser opening a refused link lands on the privacy page, which says why. */
async function expectSentToPrivacyPage(path: string, reason: string) {
  const res = await getAccepting(path, NAVIGATION);
  expect(res.status).toBe(303);
  expect(res.headers.get("location")).toBe(
    `${t.env.WEB_ORIGIN}/settings/privacy?download=${reason}`,
  );
  expect(res.headers.get("vary")).toMatch(/accept/i);
}
/** Programs keep the JSON answer, whatever else they accept. */
const PROGRAMS = ["application/json", "*/*", "application/json, text/html;q=0.5"];
async function expectJsonFor(path: string, status: number, code: string) {
  for (const accept of PROGRAMS) {
    const res = await getAccepting(path, accept);
    expect(res.status).toBe(status);
    expect(errorBody.parse(await res.json()).error.code).toBe(code);
  }
}
const pathOf = (url: URL) => `${url.pathname}${url.search}`;

/** Requests an export as the owner and runs the job that builds it. */
async function readyExport() {
  const res = await t.app.request("/trpc/privacy.requestExport", json({}, { cookie: owner }));
  const { id } = await trpcData(res, exportView);
  await privacyExportHandler({ db: t.database.db, media: t.media, logger: quiet }).handle(
    { exportId: id },
    context,
  );
  return id;
}

async function downloadAudits(exportId: string) {
  return t.database.db.select().from(privacyAuditLog).where(eq(privacyAuditLog.exportId, exportId));
}

beforeAll(async () => {
  t = await createTestApp();
  owner = await signUp(t, EMAIL);
  const id = await readyExport();
  const mailer = createMailer({ env: t.env, logger: quiet });
  await sendEmailsHandler({
    db: t.database.db,
    env: t.env,
    logger: { info: () => {} },
    transport: { send: (m) => mailer.send(m) },
  }).handle(undefined, context);
  const mail = await t.mailbox.waitFor(EMAIL, { subject: /export/i });
  const href = /https?:\/\/\S+\/api\/privacy\/exports\/\S+/.exec(mail.text)?.[0];
  first = { id, link: new URL(href ?? "http://no-link-in-the-mail") };
  await mailer.drain();
  mailer.close();
});
afterAll(() => t.database.close());

describe("a data export's signed download link", () => {
  it("is the link in the ready email, and downloads the ZIP without a session", async () => {
    expect(first.link.origin).toBe(new URL(t.env.AUTH_BASE_URL).origin);
    expect(first.link.pathname).toBe(`/api/privacy/exports/${first.id}/download`);
    expect(first.link.searchParams.get("signature")).toMatch(/^[\w-]{43}$/);
    const res = await get(pathOf(first.link));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/zip");
    expect(res.headers.get("cache-control")).toBe("private, no-store");
    const files = unzipSync(new Uint8Array(await res.arrayBuffer()));
    expect(strFromU8(files["profile.json"] ?? new Uint8Array())).toContain(EMAIL);
  });

  it("records each download in the privacy audit log by channel, without the user", async () => {
    expect((await get(first.link.pathname, owner)).status).toBe(200);
    const audits = await downloadAudits(first.id);
    expect(audits.map((a) => a.actorRole).sort()).toEqual(["holder", "link"]);
    for (const audit of audits) {
      expect(audit).toMatchObject({ kind: "export_downloaded", retirementId: null });
    }
    const [row] = await t.database.db
      .select()
      .from(dataExports)
      .where(eq(dataExports.id, first.id));
    expect(JSON.stringify(audits)).not.toContain(row?.userId);
  });

  it("is what the privacy page lists: a fresh link that works for a day", async () => {
    const before = Date.now();
    const list = await get("/trpc/privacy.exports", owner);
    const listed = (await trpcData(list, z.array(exportView))).find((e) => e.id === first.id);
    const expiresAt = Date.parse(listed?.linkExpiresAt ?? "");
    expect(expiresAt).toBeGreaterThan(before + DAY - 2000);
    expect(expiresAt).toBeLessThanOrEqual(Date.now() + DAY);
    expect(listed?.downloadPath).toMatch(/\?expires=\d+&signature=[\w-]{43}$/);
    expect((await get(listed?.downloadPath ?? "")).status).toBe(200);
  });

  it("is refused with 403 when its signature or expiry is altered", async () => {
    const tampered = new URL(first.link);
    const signature = tampered.searchParams.get("signature") ?? "";
    const flipped = `${signature.slice(0, -1)}${signature.endsWith("A") ? "B" : "A"}`;
    tampered.searchParams.set("signature", flipped);
    const extended = new URL(first.link);
    extended.searchParams.set(
      "expires",
      String(Date.now() / 1000 + 30 * 86_400).split(".")[0] ?? "",
    );
    const cut = new URL(first.link);
    cut.searchParams.delete("signature");
    for (const url of [tampered, extended, cut]) {
      const res = await get(pathOf(url));
      expect(res.status).toBe(403);
      const { error } = errorBody.parse(await res.json());
      expect(error).toMatchObject({
        code: "FORBIDDEN",
        renewUrl: `${t.env.WEB_ORIGIN}/settings/privacy`,
      });
      await expectJsonFor(pathOf(url), 403, "FORBIDDEN");
      await expectSentToPrivacyPage(pathOf(url), "invalid");
    }
  });

  it("is refused with 403 for another export's id, even the same user's", async () => {
    const second = await readyExport();
    const res = await get(`/api/privacy/exports/${second}/download${first.link.search}`);
    expect(res.status).toBe(403);
    expect((await downloadAudits(second)).length).toBe(0);
  });

  it("answers 410 once the link's day is over, pointing at the privacy page for a fresh one", async () => {
    const [row] = await t.database.db
      .select()
      .from(dataExports)
      .where(eq(dataExports.id, first.id));
    if (!row?.expiresAt) throw new Error("the export is not ready");
    // Signed 25 hours ago (a clock set back, not a wait): the archive still has days left.
    const stale = signExportLink({
      secret: t.env.EMAIL_TOKEN_SECRET,
      exportId: row.id,
      userId: row.userId,
      archiveExpiresAt: row.expiresAt,
      now: new Date(Date.now() - 25 * 36e5),
    });
    const res = await get(stale.path);
    expect(res.status).toBe(410);
    const { error } = errorBody.parse(await res.json());
    expect(error.code).toBe("LINK_EXPIRED");
    expect(error.message).toMatch(/privacy settings/);
    expect(error.renewUrl).toBe(`${t.env.WEB_ORIGIN}/settings/privacy`);
    await expectJsonFor(stale.path, 410, "LINK_EXPIRED");
    await expectSentToPrivacyPage(stale.path, "expired");
  });

  it("answers 410 when the export itself has expired, and 404 once it is deleted", async () => {
    const expired = await expireDataExports({
      db: t.database.db,
      store: t.media.store,
      now: new Date(Date.now() + 8 * DAY),
    });
    expect(expired).toBeGreaterThan(0);
    const res = await get(pathOf(first.link));
    expect(res.status).toBe(410);
    expect(errorBody.parse(await res.json()).error.code).toBe("GONE");
    await expectJsonFor(pathOf(first.link), 410, "GONE");
    await expectSentToPrivacyPage(pathOf(first.link), "gone");
    // As the account retirement leaves it: the row is gone with the account.
    await t.database.db.delete(dataExports).where(eq(dataExports.id, first.id));
    expect((await get(pathOf(first.link))).status).toBe(404);
    await expectJsonFor(pathOf(first.link), 404, "NOT_FOUND");
    await expectSentToPrivacyPage(pathOf(first.link), "gone");
  });

  it("sends a browser whose link has a mangled export id to the privacy page as invalid", async () => {
    const mangled = `/api/privacy/exports/not-an-id/download${first.link.search}`;
    expect((await get(mangled)).status).toBe(404);
    await expectSentToPrivacyPage(mangled, "invalid");
  });

  it("still downloads the ZIP when a browser opens a good link", async () => {
    const second = await readyExport();
    const list = await get("/trpc/privacy.exports", owner);
    const listed = (await trpcData(list, z.array(exportView))).find((e) => e.id === second);
    const res = await getAccepting(listed?.downloadPath ?? "", NAVIGATION);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/zip");
  });
});
