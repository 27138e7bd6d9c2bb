import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DEMO_USERS } from "@lumen/db/seed";
import { sessionAs } from "../../api-client";
import { ensureDemoCourse } from "./build";
import { ensureGraduate, ensureLearnerPartWay } from "./learners";

export interface DemoLinks {
  courseUrl: string;
  certificateUrl: string;
}

/**
 * `pnpm dev`'s first run shows the whole learning loop: a published course with a video, a
 * text lesson, a PDF and a quiz (built by the demo instructor through the API), the demo
 * learner part-way through it, and the demo graduate's certificate, verifiable at the edge.
 * Later runs find everything in place and only look.
 */
export async function prepareDemoCourse({
  apiUrl,
  webUrl,
  log,
}: {
  apiUrl: string;
  webUrl: string;
  log: (line: string) => void;
}): Promise<DemoLinks> {
  const as = (role: string) => {
    const user = DEMO_USERS.find((u) => u.email.startsWith(`${role}@`));
    if (!user) throw new Error(`no demo ${role} account`);
    return sessionAs(apiUrl, user.email, user.password, webUrl);
  };
  const workDir = await mkdtemp(join(tmpdir(), "lumen-demo-"));
  try {
    const course = await ensureDemoCourse(await as("instructor"), { workDir, log });
    await ensureLearnerPartWay((await as("learner")).api, course);
    const certificateUrl = await ensureGraduate((await as("graduate")).api, course, { log });
    return { courseUrl: `${webUrl}/courses/${course.slug}`, certificateUrl };
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}
