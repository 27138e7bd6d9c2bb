import { styleText } from "node:util";

export interface BannerInfo {
  webUrl: string;
  apiUrl: string;
  edgeUrl: string;
  /** The dev mail catcher's inbox: every email the platform sends arrives there. */
  mailUrl: string;
  /** Where the data lives, already safe to print (no password). */
  database: string;
  accounts: ReadonlyArray<{ role: string; email: string; password: string }>;
  /** The demo course and its graduate's certificate, or why they could not be prepared. */
  demo: { courseUrl: string; certificateUrl: string } | { problem: string };
  /** Whether exercises are graded here (a working gVisor sandbox), or why not and how to. */
  grading: { ready: true } | { off: string; enable: string };
}

/** The one thing to read after `pnpm dev`: what to open and how to sign in. */
export function formatBanner(info: BannerInfo): string {
  const emailWidth = Math.max(...info.accounts.map((a) => a.email.length));
  const roleWidth = Math.max(...info.accounts.map((a) => a.role.length));
  const rule = styleText("dim", "─".repeat(64));
  return [
    "",
    rule,
    `  ${styleText("bold", "Lumen is running.")}  Open ${styleText(["bold", "cyan"], info.webUrl)}`,
    "",
    `  Demo accounts ${styleText("dim", "(development only; passwords are public)")}`,
    ...info.accounts.map(
      (a) => `    ${a.role.padEnd(roleWidth)}  ${a.email.padEnd(emailWidth)}  ${a.password}`,
    ),
    "",
    ...demoLines(info.demo),
    gradingLine(info.grading),
    "",
    `  API       ${info.apiUrl}`,
    `  Edge      ${info.edgeUrl}`,
    `  Mail      ${info.mailUrl}  ${styleText("dim", "(every email lands here: sign-up links, notifications, digests)")}`,
    `  Database  ${info.database}`,
    "",
    `  ${styleText("dim", "Ctrl-C stops everything.")}`,
    rule,
    "",
  ].join("\n");
}

function demoLines(demo: BannerInfo["demo"]): string[] {
  if ("problem" in demo) {
    return [`  Demo course  ${styleText("yellow", `not ready: ${demo.problem}`)}`];
  }
  return [
    `  Demo course  ${demo.courseUrl}`,
    `  Certificate  ${demo.certificateUrl}  ${styleText("dim", "(verify it as an employer would)")}`,
  ];
}

function gradingLine(grading: BannerInfo["grading"]): string {
  if ("ready" in grading)
    return `  Grading      ready ${styleText("dim", "(code runs in gVisor)")}`;
  return [
    `  Grading      ${styleText("yellow", `off: ${grading.off}`)}`,
    `               ${styleText("dim", `submissions wait in the queue; to grade them, ${grading.enable}`)}`,
  ].join("\n");
}

/** A connection URL fit for a terminal: the password replaced. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "(unparseable URL)";
  }
}
