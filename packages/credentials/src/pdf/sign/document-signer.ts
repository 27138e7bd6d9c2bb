import { createHash, createPrivateKey, createPublicKey, type KeyObject } from "node:crypto";
import forge from "node-forge";

/** The issuer's document-signing identity: its certificate chain and private key, parsed once. */
export interface DocumentSigner {
  /** Signer first, then any intermediates (all go into the signature for validators). */
  chain: forge.pki.Certificate[];
  privateKey: KeyObject;
  /** SHA-256 of the signer certificate's DER, lowercase hex. */
  fingerprint: string;
  commonName: string;
  notAfter: Date;
}

export type DocumentSignerSpec =
  | { certificatePem: string; privateKeyPem: string }
  | { pkcs12Base64: string; password?: string };

const BAG = {
  cert: "1.2.840.113549.1.12.10.1.3",
  shroudedKey: "1.2.840.113549.1.12.10.1.2",
  key: "1.2.840.113549.1.12.10.1.1",
};

export class DocumentSignerError extends Error {
  override name = "DocumentSignerError";
}

/**
 * Reads a PEM certificate chain + PEM private key, or a base64 PKCS#12 bundle. Messages name
 * what is wrong, never the key material. RSA only: the PKCS#7 signature is built with
 * node-forge, which signs with RSA.
 */
export function loadDocumentSigner(spec: DocumentSignerSpec, now = new Date()): DocumentSigner {
  const { chain, keyPem } = "pkcs12Base64" in spec ? fromPkcs12(spec) : fromPem(spec);
  const [leaf] = chain;
  if (!leaf) throw new DocumentSignerError("no certificate found");
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey(keyPem);
  } catch {
    throw new DocumentSignerError("the private key could not be read (PEM, unencrypted)");
  }
  if (privateKey.asymmetricKeyType !== "rsa") {
    throw new DocumentSignerError(
      `the key is ${privateKey.asymmetricKeyType ?? "unknown"}; an RSA key is required`,
    );
  }
  const leafPublic = createPublicKey(forge.pki.certificateToPem(leaf));
  const keyPublic = createPublicKey(privateKey);
  const der = (key: KeyObject) => key.export({ type: "spki", format: "der" });
  if (!der(leafPublic).equals(der(keyPublic))) {
    throw new DocumentSignerError("the private key does not belong to the (first) certificate");
  }
  const notAfter = leaf.validity.notAfter;
  if (notAfter.getTime() <= now.getTime()) {
    throw new DocumentSignerError(`the certificate expired on ${notAfter.toISOString()}`);
  }
  const certDer = forge.asn1.toDer(forge.pki.certificateToAsn1(leaf)).getBytes();
  return {
    chain,
    privateKey,
    fingerprint: createHash("sha256").update(Buffer.from(certDer, "binary")).digest("hex"),
    commonName: String(leaf.subject.getField("CN")?.value ?? ""),
    notAfter,
  };
}

function fromPem(spec: { certificatePem: string; privateKeyPem: string }) {
  const blocks =
    spec.certificatePem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ??
    [];
  try {
    return {
      chain: blocks.map((pem) => forge.pki.certificateFromPem(pem)),
      keyPem: spec.privateKeyPem,
    };
  } catch {
    throw new DocumentSignerError(
      "a certificate in the PEM chain could not be read (RSA X.509 expected)",
    );
  }
}

function fromPkcs12(spec: { pkcs12Base64: string; password?: string }) {
  let p12: forge.pkcs12.Pkcs12Pfx;
  try {
    const der = forge.util.decode64(spec.pkcs12Base64.replace(/\s+/g, ""));
    p12 = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(der), false, spec.password ?? "");
  } catch {
    throw new DocumentSignerError("the PKCS#12 bundle could not be opened (base64 and password?)");
  }
  const certs: forge.pki.Certificate[] = (p12.getBags({ bagType: BAG.cert })[BAG.cert] ?? [])
    .map((bag) => bag.cert)
    .filter((cert): cert is forge.pki.Certificate => cert !== undefined);
  const keyBag =
    p12.getBags({ bagType: BAG.shroudedKey })[BAG.shroudedKey]?.[0] ??
    p12.getBags({ bagType: BAG.key })[BAG.key]?.[0];
  if (!keyBag?.key) throw new DocumentSignerError("the PKCS#12 bundle holds no private key");
  const keyPem = forge.pki.privateKeyToPem(keyBag.key);
  // The signer's certificate first: the one whose public key matches the private key.
  const keyPublic = createPublicKey(createPrivateKey(keyPem)).export({
    type: "spki",
    format: "der",
  });
  const matches = (cert: forge.pki.Certificate) =>
    createPublicKey(forge.pki.certificateToPem(cert))
      .export({ type: "spki", format: "der" })
      .equals(keyPublic);
  return { chain: [...certs.filter(matches), ...certs.filter((cert) => !matches(cert))], keyPem };
}
