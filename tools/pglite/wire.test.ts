import { protocol } from "@electric-sql/pglite";
import { describe, expect, it } from "vitest";
import { FrontendFramer, ReadyForQueryScanner } from "./wire";

const { serialize } = protocol;

/** Backend messages as bytes: a type byte, an int32 length, a body. */
function backend(type: string, body: number[] = []): Uint8Array {
  const bytes = Buffer.alloc(5 + body.length);
  bytes.write(type, 0, "ascii");
  bytes.writeInt32BE(4 + body.length, 1);
  Buffer.from(body).copy(bytes, 5);
  return bytes;
}
const readyForQuery = (status: string) => backend("Z", [status.charCodeAt(0)]);

describe("FrontendFramer", () => {
  it("yields whole messages however the bytes were chunked", () => {
    const stream = Buffer.concat([
      serialize.startup({ user: "postgres", database: "postgres" }),
      serialize.parse({ text: "select $1::int" }),
      serialize.bind({ values: ["1"] }),
      serialize.execute(),
      serialize.sync(),
    ]);
    for (const size of [1, 3, 7, stream.length]) {
      const framer = new FrontendFramer();
      const kinds: string[] = [];
      for (let i = 0; i < stream.length; i += size) {
        for (const m of framer.push(stream.subarray(i, i + size))) {
          kinds.push(m.kind === "typed" ? m.type : m.kind);
        }
      }
      expect(kinds).toEqual(["startup", "P", "B", "E", "S"]);
    }
  });

  it("recognizes the SSL request that comes before startup", () => {
    const framer = new FrontendFramer();
    expect(framer.push(serialize.requestSsl())).toEqual([{ kind: "ssl-request" }]);
  });

  it("rejects a stream that is not the Postgres protocol", () => {
    expect(() => new FrontendFramer().push(Buffer.from("GET / HTTP/1.1\r\n\r\n"))).toThrow();
  });
});

describe("ReadyForQueryScanner", () => {
  it("reports the transaction status of the last ReadyForQuery, across chunk boundaries", () => {
    const reply = Buffer.concat([
      backend("1"),
      backend("C", [...Buffer.from("BEGIN\0")]),
      readyForQuery("T"),
      backend("C", [...Buffer.from("COMMIT\0")]),
      readyForQuery("I"),
    ]);
    for (let cut = 1; cut < reply.length; cut++) {
      const scanner = new ReadyForQueryScanner();
      const first = scanner.push(reply.subarray(0, cut));
      const second = scanner.push(reply.subarray(cut));
      expect(second ?? first).toBe("I");
    }
  });

  it("ignores a 'Z' byte inside another message's body", () => {
    const scanner = new ReadyForQueryScanner();
    expect(
      scanner.push(
        backend(
          "D",
          [..."Z\0\0\0\x05I"].map((c) => c.charCodeAt(0)),
        ),
      ),
    ).toBe(undefined);
  });
});
