import net from "node:net";
import type { PGlite } from "@electric-sql/pglite";
import { BackendLock } from "./backend-lock";
import { Connection } from "./connection";
import { ListenRegistry } from "./notify";
import { errorResponse } from "./wire";

export interface WireServerOptions {
  db: PGlite;
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  /** Node-postgres pools default to 10 connections each; leave room for several processes. */
  maxConnections?: number;
  log?: (message: string) => void;
}

/**
 * Serves one PGlite over the Postgres protocol to many clients. Unlike pglite-socket's
 * multiplexer, which interleaves clients message by message, a client keeps the backend
 * until it is idle again, so another client can never land between its Parse and its Sync
 * (see docs/adr/0002-embedded-postgres-over-pglite-socket.md).
 */
export class PgliteWireServer {
  private readonly server = net.createServer((socket) => this.accept(socket));
  private readonly lock: BackendLock;
  private readonly connections = new Set<Connection>();
  private readonly listens = new ListenRegistry();
  private nextId = 1;

  constructor(private readonly options: WireServerOptions) {
    const log = options.log ?? (() => {});
    this.lock = new BackendLock(({ waiter, holder, heldMs }) =>
      log(
        `connection #${waiter} has waited 5 s: connection #${holder} has held the database for ` +
          `${Math.round(heldMs / 1000)} s (a transaction left open? PGlite runs one at a time)`,
      ),
    );
  }

  /** Resolves with the bound port. */
  async listen(): Promise<number> {
    await new Promise<void>((resolve, reject) => {
      this.server.once("error", reject);
      this.server.listen(this.options.port ?? 0, this.options.host ?? "127.0.0.1", () => {
        this.server.off("error", reject);
        resolve();
      });
    });
    const address = this.server.address();
    if (address === null || typeof address === "string") throw new Error("not a TCP address");
    return address.port;
  }

  /** Stops accepting, disconnects every client (rolling back what they left open). */
  async close(): Promise<void> {
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    for (const connection of this.connections) connection.socket.destroy();
    await Promise.all([...this.connections].map((c) => c.settled()));
    await closed;
  }

  private accept(socket: net.Socket) {
    if (this.connections.size >= (this.options.maxConnections ?? 64)) {
      // Destroy once flushed: a client that ignores the error must not keep close() waiting.
      socket.end(errorResponse("FATAL", "53300", "sorry, too many clients already"), () =>
        socket.destroy(),
      );
      return;
    }
    const connection = new Connection(
      this.nextId++,
      socket,
      this.options.db,
      this.lock,
      this.listens,
    );
    this.connections.add(connection);
    void connection.settled().then(() => this.connections.delete(connection));
  }
}
