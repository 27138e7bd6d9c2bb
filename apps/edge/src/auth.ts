const encoder = new TextEncoder();

/**
 * Whether `Authorization: Bearer <token>` carries `secret`, compared in constant time. Both
 * sides are hashed first so the comparison runs over equal lengths and leaks neither the
 * secret's length nor how much of a guess was right.
 */
export async function bearerMatches(authorization: string | undefined, secret: string) {
  const token = /^Bearer[ ]+(\S+)\s*$/i.exec(authorization ?? "")?.[1];
  if (!token) return false;
  const [presented, expected] = await Promise.all([
    crypto.subtle.digest("SHA-256", encoder.encode(token)),
    crypto.subtle.digest("SHA-256", encoder.encode(secret)),
  ]);
  return crypto.subtle.timingSafeEqual(presented, expected);
}
