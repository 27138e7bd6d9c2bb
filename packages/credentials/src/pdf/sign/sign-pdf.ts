import { constants, privateEncrypt } from "node:crypto";
import { pdflibAddPlaceholder } from "@signpdf/placeholder-pdf-lib";
import { SignPdf } from "@signpdf/signpdf";
import { Signer, SUBFILTER_ADOBE_PKCS7_DETACHED } from "@signpdf/utils";
import forge from "node-forge";
import type { PDFDocument } from "pdf-lib";
import type { DocumentSigner } from "./document-signer";

export interface SignatureDetails {
  /** The signer as shown by readers (the issuer's name). */
  name: string;
  reason: string;
  location: string;
  contactInfo: string;
  signedAt: Date;
}

/** The OIDs used (node-forge's `oids` table is typed as possibly undefined per entry). */
const OID = {
  sha256: "2.16.840.1.101.3.4.2.1",
  data: "1.2.840.113549.1.7.1",
  contentType: "1.2.840.113549.1.9.3",
  messageDigest: "1.2.840.113549.1.9.4",
  signingTime: "1.2.840.113549.1.9.5",
};

/** DER prefix of a SHA-256 DigestInfo: what an RSASSA-PKCS1-v1_5 signature encrypts. */
const SHA256_DIGEST_INFO = Buffer.from("3031300d060960864801650304020105000420", "hex");

/**
 * A detached PKCS#7 (CMS) signature over the PDF's byte ranges (ISO 32000 adbe.pkcs7.detached):
 * node-forge assembles the SignedData, node:crypto does the RSA operation (forge's pure-JS RSA
 * takes ~200 ms a signature; OpenSSL well under 5).
 */
class CmsSigner extends Signer {
  constructor(private readonly signer: DocumentSigner) {
    super();
  }

  override async sign(pdf: Buffer, signingTime?: Date): Promise<Buffer> {
    const [leaf] = this.signer.chain;
    if (!leaf) throw new Error("document signer without a certificate");
    const p7 = forge.pkcs7.createSignedData();
    p7.content = forge.util.createBuffer(pdf.toString("binary"));
    for (const cert of this.signer.chain) p7.addCertificate(cert);
    const privateKey = this.signer.privateKey;
    p7.addSigner({
      // forge only ever calls key.sign(digest) on the key it is given; this one signs with
      // OpenSSL, so the conversion to forge's key type is the one it needs.
      key: {
        sign: (md: forge.md.MessageDigest) => {
          const digest = Buffer.from(md.digest().getBytes(), "binary");
          const signature = privateEncrypt(
            { key: privateKey, padding: constants.RSA_PKCS1_PADDING },
            Buffer.concat([SHA256_DIGEST_INFO, digest]),
          );
          return signature.toString("binary");
        },
      } as unknown as forge.pki.rsa.PrivateKey,
      certificate: leaf,
      digestAlgorithm: OID.sha256,
      authenticatedAttributes: [
        { type: OID.contentType, value: OID.data },
        {
          type: OID.signingTime,
          // forge takes a Date here (its types say string): it encodes it as UTCTime.
          value: (signingTime ?? new Date()) as unknown as string,
        },
        { type: OID.messageDigest },
      ],
    });
    p7.sign({ detached: true });
    return Buffer.from(forge.asn1.toDer(p7.toAsn1()).getBytes(), "binary");
  }
}

/**
 * Adds an invisible signature field and signs the document: every byte but the signature itself
 * is covered, so any later change shows as an invalid signature in a PDF reader.
 */
export async function signPdf(
  doc: PDFDocument,
  signer: DocumentSigner,
  details: SignatureDetails,
): Promise<Uint8Array> {
  const certificateBytes = signer.chain.reduce(
    (sum, cert) => sum + forge.asn1.toDer(forge.pki.certificateToAsn1(cert)).length(),
    0,
  );
  pdflibAddPlaceholder({
    pdfDoc: doc,
    reason: details.reason,
    contactInfo: details.contactInfo,
    name: details.name,
    location: details.location,
    signingTime: details.signedAt,
    // Room for the certificates, the RSA signature and the CMS structure around them; the
    // placeholder is measured in hex digits, two per byte.
    signatureLength: 2 * (certificateBytes + 2048),
    subFilter: SUBFILTER_ADOBE_PKCS7_DETACHED,
    appName: "Lumen",
  });
  const unsigned = Buffer.from(await doc.save({ useObjectStreams: false }));
  const signed = await new SignPdf().sign(unsigned, new CmsSigner(signer), details.signedAt);
  return new Uint8Array(signed);
}
