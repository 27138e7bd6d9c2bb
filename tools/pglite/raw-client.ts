import net from "node:net";
import { protocol } from "@electric-sql/pglite";

type BackendMessage = Parameters<Parameters<InstanceType<typeof protocol.Parser>["parse"]>[1]>[0];

/**
 * A Postgres client at the message level, for tests that need to stop between the
 * messages of one extended-protocol query, which no driver lets you do.
 */
export async function connectRaw(port: number) {
  const socket = net.connect(port, "127.0.0.1");
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", resolve);
    socket.once("error", reject);
  });
  const parser = new protocol.Parser();
  const received: BackendMessage[] = [];
  let wake: (() => void) | undefined;
  socket.on("data", (chunk) =>
    parser.parse(chunk, (message) => {
      received.push(message);
      wake?.();
    }),
  );
  /** Waits for the next message named `name` and returns everything received up to it. */
  const until = async (name: BackendMessage["name"]) => {
    for (;;) {
      const index = received.findIndex((m) => m.name === name);
      if (index >= 0) return received.splice(0, index + 1);
      await new Promise<void>((resolve) => {
        wake = resolve;
      });
    }
  };
  const send = (...messages: Uint8Array[]) => socket.write(Buffer.concat(messages));
  send(protocol.serialize.startup({ user: "postgres", database: "postgres" }));
  await until("readyForQuery");
  return { send, until, close: () => socket.destroy(), serialize: protocol.serialize };
}
