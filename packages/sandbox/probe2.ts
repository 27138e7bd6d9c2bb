import { readFileSync } from "node:fs";
import { runBatch } from "./src/batch";
import { runInSandbox } from "./src/run";
const ticks = () => { const f = readFileSync("/proc/self/stat","utf8").split(") ")[1]!.split(" "); return (Number(f[11])+Number(f[12])+Number(f[13])+Number(f[14]))/100; };
async function measure(name: string, fn: () => Promise<unknown>) {
  await fn();
  const c0 = ticks(); const t0 = performance.now();
  for (let i=0;i<8;i++) await fn();
  console.log(name, "wall", ((performance.now()-t0)/8).toFixed(0), "ms cpu", ((ticks()-c0)/8*1000).toFixed(0), "ms");
}
const step = { argv: ["/usr/bin/python3", "main.py"], stdin: "1 2\n", timeMs: 2000 };
await measure("batch 0 steps", () => runBatch({ language: "python", files: { "main.py": "print(1)" }, steps: [] }));
await measure("batch 1 step", () => runBatch({ language: "python", files: { "main.py": "print(1)" }, steps: [step] }));
await measure("batch 6 steps", () => runBatch({ language: "python", files: { "main.py": "print(1)" }, steps: [step,step,step,step,step,step] }));
await measure("runInSandbox python pass", () => runInSandbox({ language: "python", files: { "main.py": "pass" }, entry: "main.py" }));
