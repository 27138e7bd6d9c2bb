import type { FilePurpose, MediaSigner } from "@lumen/media-tokens";
import type { ByteRange, MediaBody, MediaStore, StoredFile, StoredObject } from "./types";

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
 * R2 through the edge Worker's internal storage routes, with tokens keyed by purpose: a `store`
 * token scoped to one video asset (`/internal/media/:token/…`), a `document` or `certificate`
 * token naming one file (`/internal/files/:token`). Locally this is how Node reaches
 * Miniflare's R2.
 */
export class EdgeMediaStore implements MediaStore {
  private readonly tokens = new Map<string, { token: string; expiresAt: Date }>();
  private readonly edgeUrl: string;

  constructor(private readonly options: { edgeUrl: string; signer: MediaSigner }) {
    this.edgeUrl = options.edgeUrl.replace(/\/+$/, "");
  }

  private async token(purpose: "store" | FilePurpose, id: string): Promise<string> {
    const cacheKey = `${purpose}:${id}`;
    let cached = this.tokens.get(cacheKey);
    if (!cached || cached.expiresAt.getTime() - Date.now() < TOKEN_REFRESH_MARGIN_MS) {
      cached = await this.options.signer.sign(purpose, id, TOKEN_TTL_SECONDS);
      this.tokens.set(cacheKey, cached);
    }
    return cached.token;
  }

  private async url(assetId: string, path = ""): Promise<string> {
    const token = await this.token("store", assetId);
    const encoded = path.split("/").map(encodeURIComponent).join("/");
    return `${this.edgeUrl}/internal/media/${token}${path ? `/${encoded}` : ""}`;
  }

  private async fileUrl({ purpose, id }: StoredFile): Promise<string> {
    return `${this.edgeUrl}/internal/files/${await this.token(purpose, id)}`;
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
    return this.read(await this.url(assetId, path), range);
  }

  async head(assetId: string, path: string) {
    return this.readSize(await this.url(assetId, path));
  }

  async put(assetId: string, path: string, body: MediaBody, contentType: string, size?: number) {
    await this.write(await this.url(assetId, path), body, contentType, size);
  }

  async delete(assetId: string, paths: readonly string[]) {
    for (const path of paths) await this.remove(await this.url(assetId, path));
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

  async getFile(file: StoredFile, range?: ByteRange) {
    return this.read(await this.fileUrl(file), range);
  }

  async headFile(file: StoredFile) {
    return this.readSize(await this.fileUrl(file));
  }

  async putFile(file: StoredFile, body: MediaBody, contentType: string, size?: number) {
    await this.write(await this.fileUrl(file), body, contentType, size);
  }

  async deleteFile(file: StoredFile) {
    await this.remove(await this.fileUrl(file));
  }

  private async read(url: string, range?: ByteRange): Promise<StoredObject | null> {
    const headers: Record<string, string> = range
      ? { range: `bytes=${range.offset}-${range.offset + range.length - 1}` }
      : {};
    const response = await this.request("GET", url, { headers });
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

  private async readSize(url: string) {
    const response = await this.request("HEAD", url);
    if (response.status === 404) return null;
    if (!response.ok)
      throw new MediaStoreError(`media storage answered ${response.status} to HEAD`);
    return { size: Number(response.headers.get("content-length") ?? "0") };
  }

  private async write(url: string, body: MediaBody, contentType: string, size?: number) {
    const headers: Record<string, string> = { "content-type": contentType };
    if (size !== undefined) headers["content-length"] = String(size);
    const payload: RequestInit["body"] = body instanceof Uint8Array ? new Uint8Array(body) : body;
    const init: RequestInit & { duplex?: "half" } = { body: payload, headers };
    if (body instanceof ReadableStream) init.duplex = "half";
    const response = await this.request("PUT", url, init);
    await drain(response);
    if (!response.ok) throw new MediaStoreError(`media storage answered ${response.status} to PUT`);
  }

  private async remove(url: string) {
    const response = await this.request("DELETE", url);
    await drain(response);
    if (!response.ok && response.status !== 404) {
      throw new MediaStoreError(`media storage answered ${response.status} to DELETE`);
    }
  }
}
