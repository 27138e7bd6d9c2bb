/** Reads `obj.a.b.c` from parsed JSON without trusting its shape; undefined when absent. */
export function pick(value: unknown, ...path: string[]): unknown {
  let at = value;
  for (const key of path) {
    if (typeof at !== "object" || at === null || !(key in at)) return undefined;
    at = Reflect.get(at, key);
  }
  return at;
}
