import { afterEach, describe, expect, it, vi } from "vitest";
import { edgeAt, originDown, publish, signedCertificate } from "./signed-certificates";

afterEach(() => {
  vi.restoreAllMocks();
});

async function page(id: string, bindings?: Record<string, unknown>) {
  const res = await edgeAt(`/certificates/${id}`, undefined, bindings);
  return { res, html: await res.text() };
}

/** The CSP must allow the page's one inline stylesheet by hash, and nothing else. */
async function styleHashOf(html: string): Promise<string> {
  const style = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1] ?? "";
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(style));
  return `'sha256-${btoa(String.fromCharCode(...new Uint8Array(digest)))}'`;
}

describe("GET /certificates/:id, the page the QR code opens (origin API down)", () => {
  it("shows a valid certificate's learner, course, date and issuer, with no script at all", async () => {
    const cert = await signedCertificate({ learnerName: "Grace Hopper" });
    await publish(cert);

    const { res, html } = await page(cert.id);

    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/html; charset=utf-8/i);
    expect(html).toMatch(/^<!doctype html>\s*<html lang="en" dir="ltr">/);
    expect(html).toContain("<h1>Valid certificate</h1>");
    expect(html).toContain('<p class="label"><span aria-hidden="true">✓</span> VALID</p>');
    expect(html).toContain("<dd>Grace Hopper</dd>");
    expect(html).toContain("<dd>Analytical Engines 101</dd>");
    expect(html).toContain('<time datetime="2026-11-21T10:30:00.000Z">November 21, 2026</time>');
    expect(html).toContain("<dd>Lumen (<code>https://lumen.localhost/issuer</code>)</dd>");
    expect(html).toContain(`<a href="/certificates/${cert.id}/verify">`);
    expect(html).toMatch(/<main id="main">/);
    expect(html).toContain("@media print");
    expect(html.toLowerCase()).not.toContain("<script");
  });

  it("sends a CSP that allows no script and only the page's own stylesheet, and nosniff", async () => {
    const cert = await signedCertificate();
    await publish(cert);

    const { res, html } = await page(cert.id);

    const csp = res.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain(`style-src ${await styleHashOf(html)}`);
    expect(csp).not.toMatch(/script-src|unsafe-inline/);
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
  });

  it("escapes a learner name that contains markup", async () => {
    const name = `<script>alert("pwned")</script> & <img src=x onerror=alert(1)>`;
    const cert = await signedCertificate({ learnerName: name });
    await publish(cert);

    const { html } = await page(cert.id);

    expect(html).not.toContain("<script>");
    expect(html).not.toContain("<img");
    expect(html).toContain(
      "&lt;script&gt;alert(&quot;pwned&quot;)&lt;/script&gt; &amp; &lt;img src=x onerror=alert(1)&gt;",
    );
  });

  it("says REVOKED with the date and the (escaped) reason", async () => {
    const cert = await signedCertificate();
    await publish({ ...cert, revokedAt: "2026-12-01T09:00:00Z", revokedReason: "Plagiarism <b>" });

    const { res, html } = await page(cert.id);

    expect(res.status).toBe(200);
    expect(html).toContain("<h1>Revoked certificate</h1>");
    expect(html).toContain("</span> REVOKED</p>");
    expect(html).toContain("December 1, 2026");
    expect(html).toContain("Reason: Plagiarism &lt;b&gt;");
    expect(html).not.toContain("</span> VALID</p>");
  });

  it("says INVALID and do-not-trust for a forged credential, without showing its claims", async () => {
    const genuine = await signedCertificate({ learnerName: "Honest Learner" });
    const [header, , signature] = genuine.credential.split(".");
    const forgedPayload = (
      await signedCertificate({ learnerName: "Forged Name" })
    ).credential.split(".")[1];
    await publish({ ...genuine, credential: `${header}.${forgedPayload}.${signature}` });

    const { html } = await page(genuine.id);

    expect(html).toContain("<h1>Invalid certificate</h1>");
    expect(html).toContain("</span> INVALID</p>");
    expect(html).toContain("This credential’s signature does not match: do not trust it.");
    expect(html).not.toContain("Forged Name");
    expect(html).not.toContain("</span> VALID</p>");
  });

  it("an unknown id and a malformed id get a 404 page, with the same protections", async () => {
    for (const id of [crypto.randomUUID(), "%3Cscript%3E"]) {
      const { res, html } = await page(id);

      expect(res.status).toBe(404);
      expect(html).toContain("<h1>Certificate not found</h1>");
      expect(html).not.toContain("<script");
      expect(res.headers.get("content-security-policy")).toContain("default-src 'none'");
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    }
  });

  it("when no store can answer, says it cannot check now (503), not 'not found'", async () => {
    const postgresDown = { ...originDown, NEON_WS_PROXY: new URL(originDown.ORIGIN_API_URL).host };

    const { res, html } = await page(crypto.randomUUID(), postgresDown);

    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toBe("30");
    expect(html).toContain("We can’t check this certificate right now");
    expect(html).not.toContain("not found");
  });
});
