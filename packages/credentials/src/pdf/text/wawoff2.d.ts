// wawoff2 ships no types; only its WOFF2 → TTF decoder is used here.
declare module "wawoff2" {
  export function decompress(woff2: Uint8Array): Promise<Uint8Array>;
}
