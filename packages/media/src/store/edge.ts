import type { MediaSigner } from "@lumen/media-tokens";
import type { ByteRange, MediaBody, MediaStore, StoredObject } from "./types";

const TOKEN_TTL_SECONDS = 60 * 60;
/** Mint a new store token when the cached one has less than this left. */
const TOKEN_REFRESH_MARGIN_MS = 5 * 60 * 1000;

/**
 * Reads a small response body to its end instead of cancelling it: a cancelled body makes the
 * client drop the connection mid-response, which costs keep-alive in production and crashes
 * local workerd (wrangler 4.116 dies on a write to a closed socket).
 */
async function drain(response: Response): Promise<void> {
  await response.arrayBuffer().catch(() => {});
}

export class MediaStoreError extends Error {
  override name = "MediaStoreError";
}

/**
 * R2 through the edge Worker's internal storage routes (`/internal/media/:token/…`), with a
 * `store` token scoped to one asset. Locally this is how Node reaches Miniflare's R2.
 */
export class EdgeMediaStore implements MediaStore {
  private readonly tokens = new Map<string, { token: string; expiresAt: Date }>();
  private readonly edgeUrl: string;

  constructor(private readonly options: { edgeUrl: string; signer: MediaSigner }) {
    this.edgeUrl = options.edgeUrl.replace(/\/+$/, "");
  }

  private async url(assetId: string, path = ""): Promise<string> {
    let cached = this.tokens.get(assetId);
    if (!cached || cached.expiresAt.getTime() - Date.now() < TOKEN_REFRESH_MARGIN_MS) {
      cached = await this.options.signer.sign("store", assetId, TOKEN_TTL_SECONDS);
      this.tokens.set(assetId, cached);
    }
    const encoded = path.split("/").map(encodeURIComponent).join("/");
    return `${this.edgeUrl}/internal/media/${cached.token}${path ? `/${encoded}` : ""}`;
  }

  private async request(method: string, url: string, init: RequestInit = {}) {
    let response: Response;
    try {
      response = await fetch(url, { ...init, method });
    } catch (error) {
      throw new MediaStoreError(`media storage unreachable (${method}): ${String(error)}`);
    }
    if (response.status >= 500 || response.status === 403 || response.status === 401) {
      await drain(response);
      throw new MediaStoreError(`media storage answered ${response.status} to ${method}`);
    }
    return response;
  }

  async get(assetId: string, path: string, range?: ByteRange): Promise<StoredObject | null> {
    const headers: Record<string, string> = range
      ? { range: `bytes=${range.offset}-${range.offset + range.length - 1}` }
      : {};
    const response = await this.request("GET", await this.url(assetId, path), { headers });
    if (response.status === 404) {
      await drain(response);
      return null;
    }
    if (range && response.status !== 206) {
      await drain(response);
      throw new MediaStoreError(`media storage answered ${response.status} to a range GET`);
    }
    if (!response.ok || !response.body) {
      throw new MediaStoreError(`media storage answered ${response.status} to GET`);
    }
    return {
      body: response.body,
      size: Number(response.headers.get("content-length") ?? "0"),
      contentType: response.headers.get("content-type"),
    };
  }

  async head(assetId: string, path: string) {
    const response = await this.request("HEAD", await this.url(assetId, path));
    if (response.status === 404) return null;
    if (!response.ok)
      throw new MediaStoreError(`media storage answered ${response.status} to HEAD`);
    return { size: Number(response.headers.get("content-length") ?? "0") };
  }

  async put(assetId: string, path: string, body: MediaBody, contentType: string, size?: number) {
    const headers: Record<string, string> = { "content-type": contentType };
    if (size !== undefined) headers["content-length"] = String(size);
    const payload: RequestInit["body"] = body instanceof Uint8Array ? new Uint8Array(body) : body;
    const init: RequestInit & { duplex?: "half" } = { body: payload, headers };
    if (body instanceof ReadableStream) init.duplex = "half";
    const response = await this.request("PUT", await this.url(assetId, path), init);
    await drain(response);
    if (!response.ok) throw new MediaStoreError(`media storage answered ${response.status} to PUT`);
  }

  async delete(assetId: string, paths: readonly string[]) {
    for (const path of paths) {
      const response = await this.request("DELETE", await this.url(assetId, path));
      await drain(response);
      if (!response.ok && response.status !== 404) {
        throw new MediaStoreError(`media storage answered ${response.status} to DELETE`);
      }
    }
  }

  async list(assetId: string, prefix: string) {
    const url = `${await this.url(assetId)}?prefix=${encodeURIComponent(prefix)}`;
    const response = await this.request("GET", url);
    if (!response.ok)
      throw new MediaStoreError(`media storage answered ${response.status} to list`);
    const body = (await response.json()) as { paths?: unknown };
    if (!Array.isArray(body.paths) || !body.paths.every((p) => typeof p === "string")) {
      throw new MediaStoreError("media storage list answered an unexpected shape");
    }
    return body.paths as string[];
  }
}
