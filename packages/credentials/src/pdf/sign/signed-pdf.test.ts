import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildCredential } from "../../credential";
import {
  DEV_DOCUMENT_SIGNING_CERT,
  DEV_DOCUMENT_SIGNING_FINGERPRINT,
  DEV_DOCUMENT_SIGNING_KEY,
} from "../../dev-document-signer";
import { DEV_ISSUER_KID, DEV_ISSUER_PUBLIC_KEYS, DEV_ISSUER_SIGNING_KEYS } from "../../dev-keys";
import { parseIssuerKeys } from "../../issuer-keys";
import { signCredential } from "../../sign";
import { importSigningKeys } from "../../signing-keys";
import { facts, ISSUER } from "../../testing";
import { execFileAsync, pdfsig, pdfTextLines, withPdfFile } from "../../testing/poppler";
import { verifyCredential } from "../../verify";
import { issueCertificatePdf, loadDocumentSigner } from "../index";

const signer = loadDocumentSigner({
  certificatePem: DEV_DOCUMENT_SIGNING_CERT,
  privateKeyPem: DEV_DOCUMENT_SIGNING_KEY,
});

async function issued() {
  const certificate = facts({ learnerName: "山田 太郎" });
  const credential = buildCredential(certificate);
  const ring = await importSigningKeys(DEV_ISSUER_SIGNING_KEYS, DEV_ISSUER_KID);
  const jwt = await signCredential(credential, ring.current);
  const bytes = await issueCertificatePdf({
    learnerName: certificate.learnerName,
    courseTitle: certificate.course.title,
    issuedAt: certificate.issuedAt,
    issuerName: ISSUER.name,
    verifyUrl: certificate.verifyUrl,
    certificateId: certificate.certificateId,
    credential: { jwt, json: credential },
    signer,
    signedAt: new Date("2026-11-21T10:31:00.000Z"),
    issuerUrl: ISSUER.url,
  });
  return { bytes, jwt, credential, certificate };
}

describe("the issued certificate PDF", () => {
  it("carries a signature pdfsig reports valid, by the issuer's document-signing certificate", async () => {
    const { bytes } = await issued();

    const report = await pdfsig(bytes);

    expect(report).toMatch(/Signature Validation: Signature is Valid/);
    expect(report).toMatch(
      /Signer Certificate Common Name: Lumen DEVELOPMENT ONLY document signer/,
    );
    expect(report).toMatch(/Signature Type: adbe\.pkcs7\.detached/);
    expect(report).toMatch(/Total document signed/);
    expect(signer.fingerprint).toBe(DEV_DOCUMENT_SIGNING_FINGERPRINT);
  });

  it("shows an invalid signature once one byte inside the signed range changes", async () => {
    const { bytes } = await issued();
    const text = new TextDecoder("latin1").decode(bytes);
    // A byte of the page content: the learner's name is drawn there (inside ByteRange).
    const at = text.indexOf("/Type /Page\n") + 2;
    const tampered = bytes.slice();
    tampered[at] = (tampered[at] ?? 0) ^ 0x01;

    const report = await pdfsig(tampered);

    expect(report).not.toMatch(/Signature is Valid/);
    expect(report).toMatch(/Signature Validation: (Digest Mismatch|Signature is Invalid)/);
  });

  it("carries the credential as attachments that extract and verify", async () => {
    const { bytes, jwt, credential, certificate } = await issued();

    const files = await withPdfFile(bytes, async (path, dir) => {
      const { stdout } = await execFileAsync("pdfdetach", ["-list", path]);
      await execFileAsync("pdfdetach", ["-saveall", "-o", dir, path]);
      return {
        list: stdout,
        jwt: await readFile(join(dir, "credential.jwt"), "utf8"),
        json: JSON.parse(await readFile(join(dir, "credential.json"), "utf8")),
      };
    });

    expect(files.list).toMatch(/2 embedded files/);
    expect(files.jwt).toBe(jwt);
    expect(files.json).toEqual(JSON.parse(JSON.stringify(credential)));
    const verdict = await verifyCredential(files.jwt, parseIssuerKeys(DEV_ISSUER_PUBLIC_KEYS), {
      issuerId: ISSUER.id,
      certificateId: certificate.certificateId,
    });
    expect(verdict.valid).toBe(true);
    expect(await pdfTextLines(bytes)).toContain("山田 太郎");
  });
});

describe("loadDocumentSigner", () => {
  it("refuses a key that does not belong to the certificate, without quoting either", () => {
    const other = DEV_DOCUMENT_SIGNING_KEY.replace(/[A-Za-z]/, (c) => (c === "A" ? "B" : "A"));
    expect(() =>
      loadDocumentSigner({ certificatePem: DEV_DOCUMENT_SIGNING_CERT, privateKeyPem: other }),
    ).toThrow(/private key/);
  });

  it("refuses an expired certificate", () => {
    expect(() =>
      loadDocumentSigner(
        { certificatePem: DEV_DOCUMENT_SIGNING_CERT, privateKeyPem: DEV_DOCUMENT_SIGNING_KEY },
        new Date("2040-01-01T00:00:00Z"),
      ),
    ).toThrow(/expired/);
  });
});
