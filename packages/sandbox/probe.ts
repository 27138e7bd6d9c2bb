import { readFileSync } from "node:fs";
import { gradeSubmission } from "./src/grade";
const tests = [[1,2],[40,2],[-7,7],[1000,2345],[0,0]].map(([a,b],i)=>({id:`t${i}`,kind:"stdio" as const,stdin:`${a} ${b}\n`,expectedStdout:`${a+b}\n`}));
const ticks = () => { const f = readFileSync("/proc/self/stat","utf8").split(") ")[1]!.split(" "); return (Number(f[11])+Number(f[12])+Number(f[13])+Number(f[14]))/100; };
await gradeSubmission({language:"python",files:{"main.py":"a,b=map(int,input().split())\nprint(a+b)\n"},entry:"main.py",tests});
const c0 = ticks(); const t0 = performance.now();
for (let i=0;i<10;i++) await gradeSubmission({language:"python",files:{"main.py":"a,b=map(int,input().split())\nprint(a+b)\n"},entry:"main.py",tests});
console.log("per grade wall", ((performance.now()-t0)/10).toFixed(0), "ms cpu", ((ticks()-c0)/10*1000).toFixed(0), "ms");
