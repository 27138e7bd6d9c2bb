import { assetPrefix, fileKey } from "@lumen/media-tokens";
import type { ByteRange, MediaBody, MediaStore, StoredFile, StoredObject } from "./types";

interface MemoryObject {
  bytes: Uint8Array;
  contentType: string;
}

/**
 * A MediaStore in process memory, for unit tests and benchmarks that do not run the edge.
 * `objects` is keyed exactly as R2 is (`videos/<id>/…`, `documents/<id>.pdf`, …).
 */
export class InMemoryMediaStore implements MediaStore {
  readonly objects = new Map<string, MemoryObject>();

  private key(assetId: string, path: string) {
    return `${assetPrefix(assetId)}${path}`;
  }

  async get(assetId: string, path: string, range?: ByteRange): Promise<StoredObject | null> {
    return this.read(this.key(assetId, path), range);
  }

  async head(assetId: string, path: string) {
    const object = this.objects.get(this.key(assetId, path));
    return object ? { size: object.bytes.byteLength } : null;
  }

  async put(assetId: string, path: string, body: MediaBody, contentType: string) {
    await this.write(this.key(assetId, path), body, contentType);
  }

  async delete(assetId: string, paths: readonly string[]) {
    for (const path of paths) this.objects.delete(this.key(assetId, path));
  }

  async list(assetId: string, prefix: string) {
    const base = assetPrefix(assetId);
    return [...this.objects.keys()]
      .filter((key) => key.startsWith(`${base}${prefix}`))
      .map((key) => key.slice(base.length))
      .sort();
  }

  async getFile({ purpose, id }: StoredFile, range?: ByteRange) {
    return this.read(fileKey(purpose, id), range);
  }

  async headFile({ purpose, id }: StoredFile) {
    const object = this.objects.get(fileKey(purpose, id));
    return object ? { size: object.bytes.byteLength } : null;
  }

  async putFile({ purpose, id }: StoredFile, body: MediaBody, contentType: string) {
    await this.write(fileKey(purpose, id), body, contentType);
  }

  async deleteFile({ purpose, id }: StoredFile) {
    this.objects.delete(fileKey(purpose, id));
  }

  private read(key: string, range?: ByteRange): StoredObject | null {
    const object = this.objects.get(key);
    if (!object) return null;
    const { contentType } = object;
    const bytes = range
      ? object.bytes.subarray(range.offset, range.offset + range.length)
      : object.bytes;
    return {
      body: new Blob([new Uint8Array(bytes)]).stream(),
      size: bytes.byteLength,
      contentType,
    };
  }

  private async write(key: string, body: MediaBody, contentType: string) {
    const bytes =
      typeof body === "string"
        ? new TextEncoder().encode(body)
        : body instanceof Uint8Array
          ? body
          : new Uint8Array(await new Response(body).arrayBuffer());
    this.objects.set(key, { bytes, contentType });
  }
}
