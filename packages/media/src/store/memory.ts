import type { ByteRange, MediaBody, MediaStore, StoredObject } from "./types";

/** A MediaStore in process memory, for unit tests and benchmarks that do not run the edge. */
export class InMemoryMediaStore implements MediaStore {
  readonly objects = new Map<string, { bytes: Uint8Array; contentType: string }>();

  private key(assetId: string, path: string) {
    return `${assetId}/${path}`;
  }

  async get(assetId: string, path: string, range?: ByteRange): Promise<StoredObject | null> {
    const object = this.objects.get(this.key(assetId, path));
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

  async head(assetId: string, path: string) {
    const object = this.objects.get(this.key(assetId, path));
    return object ? { size: object.bytes.byteLength } : null;
  }

  async put(assetId: string, path: string, body: MediaBody, contentType: string) {
    const bytes =
      typeof body === "string"
        ? new TextEncoder().encode(body)
        : body instanceof Uint8Array
          ? body
          : new Uint8Array(await new Response(body).arrayBuffer());
    this.objects.set(this.key(assetId, path), { bytes, contentType });
  }

  async delete(assetId: string, paths: readonly string[]) {
    for (const path of paths) this.objects.delete(this.key(assetId, path));
  }

  async list(assetId: string, prefix: string) {
    const start = this.key(assetId, prefix);
    return [...this.objects.keys()]
      .filter((key) => key.startsWith(start))
      .map((key) => key.slice(assetId.length + 1))
      .sort();
  }
}
