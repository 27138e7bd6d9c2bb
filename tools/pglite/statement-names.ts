/**
 * Named prepared statements belong to a session, and every client of the wire server shares
 * PGlite's one session: two clients (or two connections of one pool) preparing the same name
 * would collide ("prepared statement … already exists", 42P05), which a real server never
 * does. So each client's statement names are made its own on the way in: Parse, Bind,
 * Describe and Close carry them; a suffix with the client's id keeps them apart. The unnamed
 * statement ("") is left alone: it lives only until the next Parse, inside one client's
 * batch, which the backend lock keeps whole.
 */

/** The suffix that scopes statement names to client `id`. */
export const scopeSuffix = (id: number) => `__lumen_client_${id}`;

/**
 * `bytes` (one typed frontend message) with its statement name scoped to client `id`, and
 * the scoped name when the message prepares one (Parse), so it can be deallocated when the
 * client leaves. Other messages come back as they were.
 */
export function scopeStatementName(
  type: string,
  bytes: Uint8Array,
  id: number,
): { bytes: Uint8Array; prepared?: string } {
  const body = Buffer.from(bytes.buffer, bytes.byteOffset + 5, bytes.length - 5);
  // Where the statement name starts in the body, per message type.
  let at: number;
  if (type === "P") at = 0;
  else if (type === "B")
    at = body.indexOf(0) + 1; // after the portal name
  else if ((type === "D" || type === "C") && body[0] === 0x53 /* 'S' */) at = 1;
  else return { bytes };
  if (at <= 0 && type === "B") return { bytes };
  const end = body.indexOf(0, at);
  if (end < 0 || end === at) return { bytes }; // malformed (the backend says so) or unnamed
  const name = body.toString("utf8", at, end) + scopeSuffix(id);
  const scoped = Buffer.concat([
    Buffer.from(type, "ascii"),
    Buffer.alloc(4),
    body.subarray(0, at),
    Buffer.from(name, "utf8"),
    body.subarray(end),
  ]);
  scoped.writeInt32BE(scoped.length - 1, 1);
  return { bytes: new Uint8Array(scoped), prepared: type === "P" ? name : undefined };
}
