import { expect, test } from "vitest";
import { parseLdd } from "./runtime";

test("ldd output yields the libraries and the loader, not the vdso", () => {
  const output = [
    "\tlinux-vdso.so.1 (0x00007ffd)",
    "\tlibm.so.6 => /lib/x86_64-linux-gnu/libm.so.6 (0x00007f8d)",
    "\t/lib64/ld-linux-x86-64.so.2 (0x00007f8e)",
  ].join("\n");
  expect(parseLdd(output)).toEqual([
    "/lib/x86_64-linux-gnu/libm.so.6",
    "/lib64/ld-linux-x86-64.so.2",
  ]);
});
