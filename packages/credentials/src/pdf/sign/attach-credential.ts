import { PDFArray, type PDFDocument, PDFHexString, PDFName, type PDFRef, PDFString } from "pdf-lib";

export interface CredentialFiles {
  /** The signed credential, compact VC-JWT. */
  jwt: string;
  /** The credential JSON (the JWT's payload), for people and tools that do not decode JWTs. */
  json: unknown;
}

export const CREDENTIAL_JWT_FILE = "credential.jwt";
export const CREDENTIAL_JSON_FILE = "credential.json";

/**
 * Embeds the signed credential in the PDF as two associated files (PDF/A-3 style: listed in the
 * catalog's /AF with an AFRelationship, and in the EmbeddedFiles name tree so readers show them
 * as attachments). With them the PDF alone carries what a verifier checks offline.
 */
export function attachCredential(doc: PDFDocument, files: CredentialFiles, issuedAt: Date): void {
  const jwt = embedFile(doc, {
    name: CREDENTIAL_JWT_FILE,
    bytes: new TextEncoder().encode(files.jwt),
    mimeType: "application/vc+jwt",
    description: "Signed verifiable credential (VC-JWT, Ed25519) of this certificate",
    relationship: "Source",
    date: issuedAt,
  });
  const json = embedFile(doc, {
    name: CREDENTIAL_JSON_FILE,
    bytes: new TextEncoder().encode(`${JSON.stringify(files.json, null, 2)}\n`),
    mimeType: "application/vc",
    description: "The credential's JSON (the payload of credential.jwt)",
    relationship: "Data",
    date: issuedAt,
  });
  const context = doc.context;
  // Name trees are sorted by name: credential.json before credential.jwt.
  doc.catalog.set(
    PDFName.of("Names"),
    context.obj({
      EmbeddedFiles: context.obj({
        Names: [
          PDFHexString.fromText(CREDENTIAL_JSON_FILE),
          json,
          PDFHexString.fromText(CREDENTIAL_JWT_FILE),
          jwt,
        ],
      }),
    }),
  );
  const associated = PDFArray.withContext(context);
  associated.push(jwt);
  associated.push(json);
  doc.catalog.set(PDFName.of("AF"), associated);
}

function embedFile(
  doc: PDFDocument,
  file: {
    name: string;
    bytes: Uint8Array;
    mimeType: string;
    description: string;
    relationship: string;
    date: Date;
  },
): PDFRef {
  const context = doc.context;
  const stream = context.flateStream(file.bytes, {
    Type: "EmbeddedFile",
    Subtype: file.mimeType,
    Params: {
      Size: file.bytes.byteLength,
      CreationDate: PDFString.fromDate(file.date),
      ModDate: PDFString.fromDate(file.date),
    },
  });
  return context.register(
    context.obj({
      Type: "Filespec",
      F: PDFString.of(file.name),
      UF: PDFHexString.fromText(file.name),
      EF: { F: context.register(stream) },
      Desc: PDFHexString.fromText(file.description),
      AFRelationship: file.relationship,
    }),
  );
}
