import type { CatalogQueryInput } from "@lumen/shared";
import { workerMs } from "./server-timing";

/** `{base}{path}?query=…&category=…`: the public catalog contract over HTTP (DESIGN §4). */
export function catalogUrl(base: string, path: string, input: CatalogQueryInput): string {
  const url = new URL(path, base);
  for (const [key, value] of Object.entries(input)) {
    if (value !== undefined) url.searchParams.set(key, String(value));
  }
  return url.toString();
}

/** Fetches one catalog page and fails loudly on anything but a 200 with JSON. */
export async function fetchCatalog(
  url: string,
): Promise<{ total: number; cache: string | null; workerMs: number | undefined }> {
  const res = await fetch(url, { headers: { accept: "application/json" } });
  const body = await res.text();
  if (!res.ok) throw new Error(`${url} answered ${res.status}: ${body.slice(0, 200)}`);
  const parsed: unknown = JSON.parse(body);
  const total =
    typeof parsed === "object" && parsed !== null && "total" in parsed ? Number(parsed.total) : NaN;
  // Edge responses say whether they came from the cache and their in-Worker time; the origin's
  // do not.
  return { total, cache: res.headers.get("x-lumen-cache"), workerMs: workerMs(res.headers) };
}
