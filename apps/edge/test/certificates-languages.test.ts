import { describe, expect, it } from "vitest";
import { edgeAt, publish, signedCertificate } from "./signed-certificates";

/** The page as a visitor whose browser sends this Accept-Language. */
async function pageIn(id: string, acceptLanguage?: string) {
  const headers: Record<string, string> = acceptLanguage
    ? { "accept-language": acceptLanguage }
    : {};
  const res = await edgeAt(`/certificates/${id}`, { headers });
  return { res, html: await res.text() };
}

describe("the verify page in the visitor's language (Accept-Language)", () => {
  it("speaks Arabic right to left, dates by Intl in Arabic, the learner's Latin name as written", async () => {
    const cert = await signedCertificate({ learnerName: "Grace Hopper" });
    await publish(cert);

    const { res, html } = await pageIn(cert.id, "ar-EG,ar;q=0.9,en;q=0.5");

    expect(res.status).toBe(200);
    expect(res.headers.get("content-language")).toBe("ar");
    expect(res.headers.get("vary")).toMatch(/accept-language/i);
    expect(html).toMatch(/^<!doctype html>\s*<html lang="ar" dir="rtl">/);
    expect(html).toContain("<h1>شهادة صالحة</h1>");
    expect(html).toContain('aria-label="النتيجة"');
    expect(html).toContain('<span aria-hidden="true">✓</span> صالحة</p>');
    expect(html).toContain("<p>أصدرتها Lumen، ووُقّعت بمفتاحها المنشور، ولم تُلغَ.</p>");
    expect(html).toContain("<dt>المتعلّم</dt><dd>Grace Hopper</dd>");
    const issued = new Intl.DateTimeFormat("ar", { dateStyle: "long", timeZone: "UTC" }).format(
      new Date("2026-11-21T10:30:00Z"),
    );
    expect(html).toContain(`<time datetime="2026-11-21T10:30:00.000Z">${issued}</time>`);
    expect(html).toContain("<title>شهادة صالحة: Analytical Engines 101 · Lumen</title>");
    expect(html).not.toMatch(/Valid certificate|Learner|Details/);
  });

  it("speaks Spanish for es-MX, with the revocation date and the issuer's reason as written", async () => {
    const cert = await signedCertificate();
    await publish({ ...cert, revokedAt: "2026-12-01T09:00:00Z", revokedReason: "Plagiarism" });

    const { res, html } = await pageIn(cert.id, "es-MX");

    expect(res.headers.get("content-language")).toBe("es");
    expect(html).toMatch(/<html lang="es" dir="ltr">/);
    expect(html).toContain("<h1>Certificado revocado</h1>");
    expect(html).toContain(
      '<p>El emisor revocó este certificado el <time datetime="2026-12-01T09:00:00.000Z">1 de diciembre de 2026</time>.</p>',
    );
    expect(html).toContain("<p>Motivo: Plagiarism</p>");
    expect(html).toContain("<dt>Estudiante</dt>");
  });

  it("falls back to English for a language we do not speak, or no header", async () => {
    const cert = await signedCertificate();
    await publish(cert);

    for (const header of ["fr-FR,de;q=0.8", undefined]) {
      const { res, html } = await pageIn(cert.id, header);
      expect(res.headers.get("content-language")).toBe("en");
      expect(res.headers.get("vary")).toMatch(/accept-language/i);
      expect(html).toContain("<h1>Valid certificate</h1>");
    }
  });

  it("serves the cached verdict in each visitor's language, one after the other", async () => {
    const cert = await signedCertificate();
    await publish(cert);

    const first = await pageIn(cert.id, "ar");
    const second = await pageIn(cert.id, "es");
    const third = await pageIn(cert.id, "en");

    expect(first.html).toContain("<h1>شهادة صالحة</h1>");
    expect(second.res.headers.get("x-lumen-cache")).toBe("HIT");
    expect(second.html).toContain("<h1>Certificado válido</h1>");
    expect(third.html).toContain("<h1>Valid certificate</h1>");
  });

  it("answers 404 pages in the visitor's language, the id as code", async () => {
    const { res, html } = await pageIn("not-a-uuid", "ar");

    expect(res.status).toBe(404);
    expect(html).toContain("<h1>لم يُعثر على الشهادة</h1>");
    expect(html).toContain("<p>لا توجد شهادة بالمعرّف <code>not-a-uuid</code>.");
  });

  it("leaves the JSON answer as it was, whatever the language", async () => {
    const cert = await signedCertificate();
    await publish(cert);

    const res = await edgeAt(`/certificates/${cert.id}/verify`, {
      headers: { "accept-language": "ar" },
    });
    const body = (await res.json()) as { status: string };

    expect(body.status).toBe("valid");
    expect(res.headers.get("content-language")).toBeNull();
  });
});
