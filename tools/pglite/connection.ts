import type net from "node:net";
import type { PGlite } from "@electric-sql/pglite";
import type { BackendLock } from "./backend-lock";
import { type ListenRegistry, listenCommandOf, NotificationSplitter } from "./notify";
import { scopeStatementName } from "./statement-names";
import { FrontendFramer, type FrontendMessage, ReadyForQueryScanner } from "./wire";

// Execute on a portal that cannot exist: the backend errors, which aborts whatever unit of
// work the departed client left open (an implicit extended-protocol transaction included),
// exactly as a real backend aborts when its client disconnects.
const ABORT = frontend("E", [...cString("__lumen_disconnected__"), 0, 0, 0, 0]);
const SYNC = frontend("S", []);
const ROLLBACK = frontend("Q", cString("ROLLBACK"));

/** One client socket: its messages run in order, each once it holds the backend. */
export class Connection {
  private readonly framer = new FrontendFramer();
  private readonly scanner = new ReadyForQueryScanner();
  private readonly splitter = new NotificationSplitter();
  /** This client's named statements (scoped names), closed when it leaves. */
  private readonly statements = new Set<string>();
  /** Messages run strictly in arrival order, one at a time. */
  private chain: Promise<void> = Promise.resolve();
  private closed = false;
  private readonly done: Promise<void>;

  constructor(
    readonly id: number,
    readonly socket: net.Socket,
    private readonly db: PGlite,
    private readonly lock: BackendLock,
    private readonly listens: ListenRegistry,
  ) {
    socket.setNoDelay(true);
    socket.on("data", (chunk) => {
      let messages: FrontendMessage[];
      try {
        messages = this.framer.push(chunk);
      } catch {
        socket.destroy();
        return;
      }
      for (const message of messages) {
        // A failure ends this client only; the chain must keep settling for cleanUp().
        this.chain = this.chain
          .then(() => this.handle(message))
          .catch(() => {
            socket.destroy();
          });
      }
    });
    socket.on("error", () => socket.destroy());
    this.done = new Promise((resolve) => {
      socket.once("close", () => {
        this.closed = true;
        this.chain = this.chain
          .then(() => this.cleanUp())
          .catch(() => {}) // the database is already closed: nothing left to roll back
          .then(resolve);
      });
    });
  }

  settled(): Promise<void> {
    return this.done;
  }

  private async handle(message: FrontendMessage): Promise<void> {
    if (this.closed) return;
    switch (message.kind) {
      case "ssl-request":
      case "gssenc-request":
        // 'N': no encryption on loopback; the client then sends its startup message.
        this.socket.write("N");
        return;
      case "cancel-request":
        // There is no separate backend process to interrupt.
        this.socket.end();
        return;
      case "startup":
        return this.run(message.bytes);
      case "typed":
        // Terminate would end PGlite's one session for everybody; closing the socket is ours.
        if (message.type === "X") {
          this.socket.end();
          return;
        }
        return this.runTyped(message.type, message.bytes);
    }
  }

  /** LISTEN/UNLISTEN are noted per client: PGlite's one session listens for all of them. */
  private async runTyped(type: string, bytes: Uint8Array): Promise<void> {
    const command = listenCommandOf(type, bytes);
    if (command) this.listens.apply(this.id, this.socket, command);
    const scoped = scopeStatementName(type, bytes, this.id);
    if (scoped.prepared) this.statements.add(scoped.prepared);
    await this.run(scoped.bytes, command?.kind === "unlisten");
  }

  private async run(bytes: Uint8Array, relisten = false): Promise<void> {
    await this.lock.acquire(this.id);
    if (this.closed) return; // cleanUp releases the lock
    let status: string | undefined;
    try {
      await this.db.runExclusive(() =>
        this.db.execProtocolRawStream(bytes, {
          onRawData: (data) => {
            status = this.scanner.push(data) ?? status;
            // Notifications go to whoever listens on their channel, not to this client as
            // such; the rest is copied (`data` is a view into PGlite's memory, reused).
            for (const part of this.splitter.push(data)) {
              if ("notification" in part) this.listens.deliver(part.notification);
              else if (!this.socket.destroyed) this.socket.write(part.pass);
            }
          },
        }),
      );
      // One client's UNLISTEN unlistened the shared session: keep the others' channels.
      if (relisten && status === "I") {
        for (const channel of this.listens.wanted()) {
          const listen = frontend("Q", cString(`LISTEN "${channel.replaceAll('"', '""')}"`));
          await this.db.runExclusive(() =>
            this.db.execProtocolRawStream(listen, { onRawData: () => {} }),
          );
        }
      }
    } catch {
      this.socket.destroy();
      return;
    }
    if (status === "I") this.lock.release(this.id);
  }

  private async cleanUp(): Promise<void> {
    this.listens.forget(this.id);
    if (this.lock.owner !== this.id) {
      if (this.statements.size === 0) return;
      await this.lock.acquire(this.id);
    }
    const ignore = { onRawData: () => {} };
    try {
      await this.db.runExclusive(async () => {
        await this.db.execProtocolRawStream(ABORT, ignore);
        await this.db.execProtocolRawStream(SYNC, ignore);
        if (this.db.isInTransaction()) await this.db.execProtocolRawStream(ROLLBACK, ignore);
        // The session outlives the client: so would its prepared statements.
        for (const name of this.statements) {
          await this.db.execProtocolRawStream(frontend("C", [0x53, ...cString(name)]), ignore);
        }
        if (this.statements.size > 0) await this.db.execProtocolRawStream(SYNC, ignore);
      });
    } finally {
      this.lock.release(this.id);
    }
  }
}

function cString(text: string): number[] {
  return [...Buffer.from(text, "utf8"), 0];
}

function frontend(type: string, body: number[]): Uint8Array {
  const bytes = Buffer.alloc(5 + body.length);
  bytes.write(type, 0, "ascii");
  bytes.writeInt32BE(4 + body.length, 1);
  Buffer.from(body).copy(bytes, 5);
  return new Uint8Array(bytes);
}
