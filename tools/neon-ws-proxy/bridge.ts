import type { Socket } from "node:net";
import type { RawData, WebSocket } from "ws";

/** Close codes the client sees (RFC 6455 §7.4.1). */
export const CloseCode = {
  normal: 1000,
  goingAway: 1001,
  policyViolation: 1008,
  badGateway: 1014,
} as const;

// Above this many bytes queued towards the client, stop reading from the database.
const WS_HIGH_WATER_MARK = 1024 * 1024;

/**
 * Pipes one client WebSocket to one TCP socket: binary frames in become bytes out and back.
 * Each direction pauses its source while the other side is over its buffer limit, and the
 * first side to close or fail tears down the other.
 */
export function bridge(ws: WebSocket, tcp: Socket): void {
  ws.binaryType = "nodebuffer";

  ws.on("message", (data) => {
    if (!tcp.write(toBuffer(data))) ws.pause();
  });
  tcp.on("drain", () => ws.resume());

  const resumeTcpWhenDrained = () => {
    if (tcp.isPaused() && ws.bufferedAmount < WS_HIGH_WATER_MARK) tcp.resume();
  };
  tcp.on("data", (chunk) => {
    // The callback runs once the frame is handed to the kernel, so the queue has shrunk.
    ws.send(chunk, { binary: true }, resumeTcpWhenDrained);
    if (ws.bufferedAmount >= WS_HIGH_WATER_MARK) tcp.pause();
  });

  // End rather than destroy, so bytes already written (e.g. Terminate) still reach the
  // database; once flushed the socket is released even if the server never answers the FIN.
  ws.on("close", () => tcp.end(() => tcp.destroy()));
  ws.on("error", () => tcp.destroy());

  tcp.on("error", () => {}); // The "close" event that follows reports it as hadError.
  tcp.on("close", (hadError) => {
    if (ws.readyState !== ws.OPEN) return;
    // Pending data frames are sent before the close frame, so no database reply is cut off.
    if (hadError) ws.close(CloseCode.badGateway, "database connection failed");
    else ws.close(CloseCode.normal, "database closed the connection");
  });
}

function toBuffer(data: RawData): Buffer {
  if (Buffer.isBuffer(data)) return data;
  if (Array.isArray(data)) return Buffer.concat(data);
  return Buffer.from(data);
}
