import type { Delivery, NotificationKind } from "../settings/kinds";

export interface Unsubscribed {
  scope: NotificationKind | "all" | "digest";
  previous: { kind: NotificationKind; delivery: Delivery }[];
}

/**
 * The API's JSON error message, else an empty one: the page shows its own translated
 * fallback (never a stack or a status line).
 */
async function failure(res: Response): Promise<Error> {
  const body: unknown = await res.json().catch(() => null);
  const message =
    typeof body === "object" && body !== null && "error" in body
      ? Reflect.get(Reflect.get(body, "error") as object, "message")
      : null;
  return new Error(typeof message === "string" ? message : "");
}

/** The same one-click POST a mail client sends (RFC 8058); the token is the authority. */
export async function postUnsubscribe(token: string): Promise<Unsubscribed> {
  const res = await fetch(`/api/email/unsubscribe?token=${encodeURIComponent(token)}`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: "List-Unsubscribe=One-Click",
  });
  if (!res.ok) throw await failure(res);
  return (await res.json()) as Unsubscribed;
}

export async function postResubscribe(token: string, previous: Unsubscribed["previous"]) {
  const res = await fetch("/api/email/resubscribe", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ token, previous }),
  });
  if (!res.ok) throw await failure(res);
}
