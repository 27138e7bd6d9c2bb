/**
 * LISTEN/NOTIFY across the clients of one PGlite. PGlite has one session: every client's
 * LISTEN lands on it, and a notification comes out in the reply stream of whichever client
 * happened to commit the NOTIFY. So the server takes NotificationResponse ('A') messages out
 * of that stream and hands each to the clients that asked to LISTEN on its channel, as a real
 * backend would.
 */

/** LISTEN / UNLISTEN as a client sends it (simple query or Parse), with its channel. */
const LISTEN_STATEMENT = /^\s*(un)?listen\s+("?)([A-Za-z_][A-Za-z0-9_$]*|\*)\2\s*;?\s*$/i;

export type ListenCommand = { kind: "listen" | "unlisten"; channel: string };

/** The LISTEN/UNLISTEN a frontend 'Q' or 'P' message carries, if any. */
export function listenCommandOf(type: string, bytes: Uint8Array): ListenCommand | null {
  if (type !== "Q" && type !== "P") return null;
  const body = Buffer.from(bytes.buffer, bytes.byteOffset + 5, bytes.length - 5);
  let text: string;
  if (type === "Q") {
    text = cStringAt(body, 0).value;
  } else {
    const name = cStringAt(body, 0);
    text = cStringAt(body, name.next).value;
  }
  // Keep the regex away from big statements: LISTEN is short.
  if (text.length > 200) return null;
  const match = LISTEN_STATEMENT.exec(text);
  if (!match) return null;
  const quoted = match[2] === '"';
  const raw = match[3] ?? "";
  return {
    kind: match[1] ? "unlisten" : "listen",
    channel: quoted || raw === "*" ? raw : raw.toLowerCase(),
  };
}

/** The channel a NotificationResponse is for: int32 pid, then the channel as a C string. */
export function notificationChannel(message: Uint8Array): string {
  const body = Buffer.from(message.buffer, message.byteOffset + 5, message.length - 5);
  return cStringAt(body, 4).value;
}

function cStringAt(buffer: Buffer, start: number) {
  const end = buffer.indexOf(0, start);
  const stop = end === -1 ? buffer.length : end;
  return { value: buffer.toString("utf8", start, stop), next: stop + 1 };
}

/**
 * Splits a backend reply stream (in arbitrary chunks) into what goes on to the client and the
 * NotificationResponse messages, which are held back whole and returned in stream order.
 */
export class NotificationSplitter {
  private readonly header = Buffer.alloc(5);
  private headerFilled = 0;
  private bodyLeft = 0;
  private capture: Buffer | undefined;
  private captured = 0;

  /** `pass` goes to the client in order; each notification completes after the bytes before it. */
  push(chunk: Uint8Array): Array<{ pass: Buffer } | { notification: Buffer }> {
    const out: Array<{ pass: Buffer } | { notification: Buffer }> = [];
    let passStart = 0;
    let i = 0;
    const flushPass = (end: number) => {
      if (end > passStart) out.push({ pass: Buffer.from(chunk.subarray(passStart, end)) });
    };
    while (i < chunk.length) {
      if (this.bodyLeft > 0) {
        const n = Math.min(this.bodyLeft, chunk.length - i);
        const capture = this.capture;
        if (capture) capture.set(chunk.subarray(i, i + n), this.captured);
        this.captured += n;
        this.bodyLeft -= n;
        i += n;
        // A captured body is not passed on; a plain one stays in the pending pass range.
        if (capture) {
          passStart = i;
          if (this.bodyLeft === 0) this.finishCapture(out);
        }
        continue;
      }
      // A header: hold its bytes until the type is known (they may span chunks).
      if (this.headerFilled === 0) flushPass(i);
      this.header[this.headerFilled++] = chunk[i++] ?? 0;
      passStart = i;
      if (this.headerFilled < 5) continue;
      this.headerFilled = 0;
      this.bodyLeft = this.header.readInt32BE(1) - 4;
      if (this.header[0] === 0x41 /* 'A' */) {
        this.capture = Buffer.alloc(5 + this.bodyLeft);
        this.header.copy(this.capture, 0);
        this.captured = 5;
        if (this.bodyLeft === 0) this.finishCapture(out);
      } else {
        out.push({ pass: Buffer.from(this.header) });
      }
    }
    flushPass(i);
    return out;
  }

  private finishCapture(out: Array<{ pass: Buffer } | { notification: Buffer }>) {
    if (this.capture) out.push({ notification: this.capture });
    this.capture = undefined;
    this.captured = 0;
  }
}

/** Which client LISTENs on what; hands each notification to those clients' sockets. */
export class ListenRegistry {
  private readonly channels = new Map<number, Set<string>>();
  private readonly sockets = new Map<number, { write(bytes: Uint8Array): unknown }>();

  apply(id: number, socket: { write(bytes: Uint8Array): unknown }, command: ListenCommand) {
    const mine = this.channels.get(id) ?? new Set<string>();
    if (command.kind === "listen") mine.add(command.channel);
    else if (command.channel === "*") mine.clear();
    else mine.delete(command.channel);
    this.channels.set(id, mine);
    this.sockets.set(id, socket);
  }

  /** Channels some client still listens on (re-LISTENed after one client's UNLISTEN). */
  wanted(): Set<string> {
    const all = new Set<string>();
    for (const mine of this.channels.values()) for (const c of mine) all.add(c);
    return all;
  }

  forget(id: number) {
    this.channels.delete(id);
    this.sockets.delete(id);
  }

  deliver(message: Buffer) {
    const channel = notificationChannel(message);
    for (const [id, mine] of this.channels) {
      if (mine.has(channel)) this.sockets.get(id)?.write(message);
    }
  }
}
