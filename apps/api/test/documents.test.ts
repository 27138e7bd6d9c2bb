import {
  createCourse,
  createEnrollment,
  createLesson,
  createModule,
  png,
} from "@lumen/core/testing";
import { lessonDocuments, lessons, users } from "@lumen/db";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contentDisposition, DOCUMENT_MAX_BYTES } from "../src/routes/documents";
import { createTestApp, signUp, signUpInstructor, type TestApp, WEB_ORIGIN } from "./harness";

let t: TestApp;
let ownerCookie: string;
let ownerId: string;
let otherCookie: string;
let learnerCookie: string;
let enrolledCookie: string;

/** A small, well-formed one-page PDF (xref offsets computed), built without a PDF library. */
function tinyPdf(text = "Hello"): Uint8Array {
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 100] /Contents 4 0 R >>",
  ];
  const stream = `BT /F1 12 Tf 20 50 Td (${text}) Tj ET`;
  objects.push(`<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`);
  let out = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, "0")} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(out);
}

async function lesson(kind: "pdf" | "video" = "pdf", status: "draft" | "published" = "published") {
  const db = t.database.db;
  const course = await createCourse(
    db,
    { id: ownerId },
    {
      title: "Documents",
      category: "Design",
      status,
      publishedAt: status === "published" ? new Date() : null,
    },
  );
  const mod = await createModule(db, course.id, { title: "M" });
  const row = await createLesson(db, mod.id, { title: "Read me", kind });
  const [enrolled] = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, "enrolled@test.lumen.dev"));
  await createEnrollment(db, { id: enrolled?.id ?? "" }, course.id);
  return row.id;
}

const url = (lessonId: string, query = "") => `/api/lessons/${lessonId}/document${query}`;
const upload = (lessonId: string, body: Uint8Array, cookie = ownerCookie, query = "") =>
  t.app.request(url(lessonId, query), {
    method: "PUT",
    headers: { cookie, origin: WEB_ORIGIN, "content-type": "application/pdf" },
    body,
  });
const fetchAs = (lessonId: string, cookie: string, query = "") =>
  t.app.request(url(lessonId, query), { headers: { cookie } });
const documentRow = async (lessonId: string) =>
  (
    await t.database.db.select().from(lessonDocuments).where(eq(lessonDocuments.lessonId, lessonId))
  )[0];
const errorBody = async (res: Response) =>
  ((await res.json()) as { error: { code: string; message: string } }).error;

beforeAll(async () => {
  t = await createTestApp();
  ({ cookie: ownerCookie, id: ownerId } = await signUpInstructor(t, "owner@test.lumen.dev"));
  ({ cookie: otherCookie } = await signUpInstructor(t, "other@test.lumen.dev"));
  t.setClientIp("198.51.100.2"); // sign-up is rate limited per address
  learnerCookie = await signUp(t, "learner@test.lumen.dev");
  enrolledCookie = await signUp(t, "enrolled@test.lumen.dev");
});
afterAll(() => t.database.close());

describe("PUT /api/lessons/:lessonId/document", () => {
  it("stores a PDF under a sanitized name and serves it inline and as a download", async () => {
    const lessonId = await lesson();
    const pdf = tinyPdf();
    const res = await upload(
      lessonId,
      pdf,
      ownerCookie,
      // A control character is refused outright (hostile-input.test.ts); the rest is tidied.
      `?filename=${encodeURIComponent("../Week 1: Über\u200b.PDF")}`,
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      lessonId,
      filename: "Week 1 Über.pdf",
      byteSize: pdf.length,
      url: `/api/lessons/${lessonId}/document`,
      downloadUrl: `/api/lessons/${lessonId}/document?download=1`,
    });

    const inline = await fetchAs(lessonId, enrolledCookie);
    expect(inline.status).toBe(200);
    expect(Object.fromEntries(inline.headers)).toMatchObject({
      "content-type": "application/pdf",
      "content-length": String(pdf.length),
      "content-disposition": `inline; filename="Week 1 _ber.pdf"; filename*=UTF-8''Week%201%20%C3%9Cber.pdf`,
      "x-content-type-options": "nosniff",
      "cache-control": "private, max-age=300",
      // Framed by the SPA's lesson page, and by nobody else.
      "content-security-policy": `default-src 'none'; style-src 'unsafe-inline'; sandbox; frame-ancestors ${WEB_ORIGIN}`,
      "x-frame-options": "SAMEORIGIN",
    });
    expect(new Uint8Array(await inline.arrayBuffer())).toEqual(pdf);

    const download = await fetchAs(lessonId, ownerCookie, "?download=1");
    expect(download.status).toBe(200);
    expect(download.headers.get("content-disposition")).toMatch(/^attachment; /);
    expect(download.headers.get("content-security-policy")).toBe(
      `default-src 'none'; sandbox; frame-ancestors ${WEB_ORIGIN}`,
    );
    expect(new Uint8Array(await download.arrayBuffer())).toEqual(pdf);
  });

  it("replaces the document under a new storage id and deletes the old object", async () => {
    const lessonId = await lesson();
    expect((await upload(lessonId, tinyPdf("one"))).status).toBe(200);
    const first = await documentRow(lessonId);
    const second = tinyPdf("second version");
    expect((await upload(lessonId, second)).status).toBe(200);
    const row = await documentRow(lessonId);
    expect(row?.storageId).not.toBe(first?.storageId);
    expect(row).toMatchObject({ filename: "document.pdf", byteSize: second.length });
    const keys = [...t.mediaStore.objects.keys()];
    expect(keys).not.toContain(`documents/${first?.storageId}.pdf`);
    expect(keys).toContain(`documents/${row?.storageId}.pdf`);
    const served = await fetchAs(lessonId, enrolledCookie);
    expect(new Uint8Array(await served.arrayBuffer())).toEqual(second);
  });

  it("refuses a PNG or a text file named .pdf with 415, whatever the declared type", async () => {
    const lessonId = await lesson();
    const objects = t.mediaStore.objects.size;
    for (const bytes of [png(3, 3), new TextEncoder().encode("just notes, renamed to notes.pdf")]) {
      const res = await upload(lessonId, bytes, ownerCookie, "?filename=notes.pdf");
      expect(res.status).toBe(415);
      expect(await errorBody(res)).toMatchObject({
        code: "UNSUPPORTED_MEDIA_TYPE",
        message: "That file is not a PDF. Choose a PDF document.",
      });
    }
    expect(await documentRow(lessonId)).toBeUndefined();
    expect(t.mediaStore.objects.size).toBe(objects);
  });

  it("accepts documents above the global body limit and answers 413 beyond 50 MiB", async () => {
    const lessonId = await lesson();
    const big = new Uint8Array(64 * 1024);
    big.set(tinyPdf());
    expect((await upload(lessonId, big)).status).toBe(200);
    const huge = new Uint8Array(DOCUMENT_MAX_BYTES + 1);
    huge.set(tinyPdf());
    const res = await upload(lessonId, huge);
    expect(res.status).toBe(413);
    expect(await errorBody(res)).toMatchObject({ code: "PAYLOAD_TOO_LARGE" });
    expect((await documentRow(lessonId))?.byteSize).toBe(big.length);
  });

  it("refuses strangers and wrong lesson kinds without storing anything", async () => {
    const published = await lesson("pdf", "published");
    const draft = await lesson("pdf", "draft");
    const video = await lesson("video");
    const pdf = tinyPdf();
    const objects = t.mediaStore.objects.size;
    expect((await upload(published, pdf, "")).status).toBe(401);
    for (const cookie of [otherCookie, learnerCookie, enrolledCookie]) {
      expect((await upload(published, pdf, cookie)).status).toBe(403);
      expect((await upload(draft, pdf, cookie)).status).toBe(404);
    }
    const wrongKind = await upload(video, pdf);
    expect(wrongKind.status).toBe(400);
    expect((await errorBody(wrongKind)).message).toBe("Only PDF lessons take a document.");
    expect((await upload("not-a-uuid", pdf)).status).toBe(400);
    expect(t.mediaStore.objects.size).toBe(objects);
    for (const id of [published, draft, video]) expect(await documentRow(id)).toBeUndefined();
  });
});

describe("GET /api/lessons/:lessonId/document", () => {
  it("serves editors and enrolled learners; refuses others with 401/403/404, no stack", async () => {
    const lessonId = await lesson();
    const draft = await lesson("pdf", "draft");
    await upload(lessonId, tinyPdf());
    await upload(draft, tinyPdf());
    expect((await fetchAs(lessonId, ownerCookie)).status).toBe(200);
    expect((await fetchAs(lessonId, "")).status).toBe(401);
    const refused = await fetchAs(lessonId, learnerCookie);
    expect(refused.status).toBe(403);
    // The whole error body: a code, a message for people and the request id; no stack.
    expect(await errorBody(refused)).toEqual({
      code: "FORBIDDEN",
      message: "Enroll in this course to watch this lesson.",
      requestId: expect.any(String),
    });
    expect((await fetchAs(draft, otherCookie)).status).toBe(404);
    expect((await fetchAs(draft, enrolledCookie)).status).toBe(404);
    expect((await fetchAs(lessonId, otherCookie)).status).toBe(403);
  });

  it("answers 404 for a lesson without a document and a free preview opens to anyone", async () => {
    const lessonId = await lesson();
    const missing = await fetchAs(lessonId, enrolledCookie);
    expect(missing.status).toBe(404);
    expect(await errorBody(missing)).toMatchObject({ message: "This lesson has no document yet." });
    await upload(lessonId, tinyPdf());
    await t.database.db.update(lessons).set({ isPreview: true }).where(eq(lessons.id, lessonId));
    expect((await fetchAs(lessonId, "")).status).toBe(200);
  });
});

describe("contentDisposition", () => {
  it("keeps quotes and backslashes out of the quoted name and encodes the exact one", () => {
    expect(contentDisposition("inline", `a"b\\c 100%.pdf`)).toBe(
      `inline; filename="a_b_c 100_.pdf"; filename*=UTF-8''a%22b%5Cc%20100%25.pdf`,
    );
  });
});
