/**
 * Just enough of the Postgres wire protocol (v3) to multiplex clients over one PGlite
 * backend: cut the client's byte stream into messages, and watch the backend's replies
 * for ReadyForQuery, which is the only point where the backend is between units of work.
 */

const SSL_REQUEST = 80_877_103;
const GSSENC_REQUEST = 80_877_104;
const CANCEL_REQUEST = 80_877_102;
const PROTOCOL_V3 = 196_608;
/** Postgres itself refuses messages above 1 GB; anything near that is a corrupt stream. */
const MAX_MESSAGE_BYTES = 1 << 30;

export type FrontendMessage =
  | { kind: "ssl-request" }
  | { kind: "gssenc-request" }
  | { kind: "cancel-request" }
  | { kind: "startup"; bytes: Uint8Array }
  /** Every message after startup: a type byte ('Q', 'P', 'B', 'S', 'X', …) and its body. */
  | { kind: "typed"; type: string; bytes: Uint8Array };

/** Splits a client's byte stream into whole messages, however TCP chunked it. */
export class FrontendFramer {
  private buffer: Buffer = Buffer.alloc(0);
  private startedUp = false;

  push(chunk: Uint8Array): FrontendMessage[] {
    this.buffer =
      this.buffer.length === 0 ? Buffer.from(chunk) : Buffer.concat([this.buffer, chunk]);
    const messages: FrontendMessage[] = [];
    for (;;) {
      const message = this.startedUp ? this.nextTyped() : this.nextUntyped();
      if (!message) return messages;
      messages.push(message);
    }
  }

  /** Before startup completes, messages carry no type byte: length, then a request code. */
  private nextUntyped(): FrontendMessage | undefined {
    if (this.buffer.length < 8) return undefined;
    const length = this.buffer.readInt32BE(0);
    if (length < 8 || length > MAX_MESSAGE_BYTES) throw new Error(`bad startup length ${length}`);
    if (this.buffer.length < length) return undefined;
    const code = this.buffer.readInt32BE(4);
    const bytes = this.take(length);
    switch (code) {
      case SSL_REQUEST:
        return { kind: "ssl-request" };
      case GSSENC_REQUEST:
        return { kind: "gssenc-request" };
      case CANCEL_REQUEST:
        return { kind: "cancel-request" };
      case PROTOCOL_V3:
        this.startedUp = true;
        return { kind: "startup", bytes };
      default:
        throw new Error(`unsupported protocol code ${code}`);
    }
  }

  private nextTyped(): FrontendMessage | undefined {
    if (this.buffer.length < 5) return undefined;
    const length = this.buffer.readInt32BE(1);
    if (length < 4 || length > MAX_MESSAGE_BYTES) throw new Error(`bad message length ${length}`);
    if (this.buffer.length < 1 + length) return undefined;
    const type = String.fromCharCode(this.buffer[0] ?? 0);
    return { kind: "typed", type, bytes: this.take(1 + length) };
  }

  private take(n: number): Uint8Array {
    // Copy: the rest of the buffer is reused for the next messages.
    const bytes = new Uint8Array(this.buffer.subarray(0, n));
    this.buffer = this.buffer.subarray(n);
    return bytes;
  }
}

/** 'I' idle, 'T' in a transaction block, 'E' in a failed transaction block. */
export type TransactionStatus = "I" | "T" | "E";

/**
 * Reads the backend's reply stream (which may arrive in arbitrary chunks) and reports each
 * ReadyForQuery status. Only the 5-byte headers and the status byte are looked at.
 */
export class ReadyForQueryScanner {
  private header = Buffer.alloc(5);
  private headerFilled = 0;
  private bodyLeft = 0;
  private currentType = 0;

  /** Returns the status of the last ReadyForQuery completed within `chunk`, if any. */
  push(chunk: Uint8Array): TransactionStatus | undefined {
    let status: TransactionStatus | undefined;
    let i = 0;
    while (i < chunk.length) {
      if (this.bodyLeft > 0) {
        const n = Math.min(this.bodyLeft, chunk.length - i);
        if (this.currentType === 0x5a /* 'Z' */ && this.bodyLeft === 1) {
          status = parseStatus(chunk[i]);
        }
        this.bodyLeft -= n;
        i += n;
        continue;
      }
      this.header[this.headerFilled++] = chunk[i++] ?? 0;
      if (this.headerFilled === 5) {
        this.headerFilled = 0;
        this.currentType = this.header[0] ?? 0;
        this.bodyLeft = this.header.readInt32BE(1) - 4;
      }
    }
    return status;
  }
}

function parseStatus(byte: number | undefined): TransactionStatus {
  const status = String.fromCharCode(byte ?? 0);
  if (status === "I" || status === "T" || status === "E") return status;
  throw new Error(`unknown ReadyForQuery status ${JSON.stringify(status)}`);
}

/** An ErrorResponse ('E') as the backend would send it, for errors the proxy raises itself. */
export function errorResponse(severity: "ERROR" | "FATAL", code: string, message: string) {
  const fields = [`S${severity}`, `V${severity}`, `C${code}`, `M${message}`];
  const body = Buffer.from(`${fields.join("\0")}\0\0`, "utf8");
  const header = Buffer.alloc(5);
  header.write("E", 0, "ascii");
  header.writeInt32BE(body.length + 4, 1);
  return Buffer.concat([header, body]);
}
