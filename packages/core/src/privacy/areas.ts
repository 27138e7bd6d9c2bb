import type { ExportArea } from "./types";

/** What each JSON file holds, for README.md; every area is written, empty ones as `{}` lists. */
export const AREA_TEXT: Record<ExportArea, string> = {
  profile: "your account: name, email, role, language, time zone; sign-in sessions and methods",
  enrollments: "the courses you enrolled in, when, and when you finished or left",
  progress: "lesson progress, every progress event recorded, milestones, video positions",
  "quiz-attempts": "every quiz attempt: your answers, score and feedback",
  "exercise-submissions": "code you submitted to exercises with results, and saved drafts",
  assignments:
    "your assignment submissions with grades and attachments, and the peer reviews you gave (reviewers of your work stay anonymous)",
  forum:
    "threads and replies you wrote, earlier versions, votes, follows, images, reports you filed, moderation of your posts",
  ratings:
    "your course ratings and reviews, the reviews you marked helpful, reports you filed, responses you posted as an instructor",
  notifications: "in-app notifications and the emails sent to you about them",
  certificates: "certificates issued to you with their signed credentials (VC-JWT); PDFs in files/",
  "api-keys": "your API keys' names, prefixes, scopes and dates (never the secret)",
  webhooks: "your webhook endpoints: URL, events, state (never the signing secret)",
  "email-preferences": "your email choices per kind of notification",
  consents:
    "consents you gave for optional purposes, under which policy version, and when you withdrew them (none are asked for yet)",
  teaching: "the courses you teach (titles only; the content is in the authoring pages)",
  exports: "your earlier data export requests",
};

export const EXPORT_AREAS = Object.keys(AREA_TEXT) as ExportArea[];

export function exportReadme(generatedAt: Date, fileCount: number): string {
  const lines = [
    "# Your Lumen data",
    "",
    `Generated ${generatedAt.toISOString()}. Each JSON file holds one subject; inside it, one list per kind of record (named after the table it comes from). Dates are ISO 8601 in UTC.`,
    "",
    ...EXPORT_AREAS.map((area) => `- \`${area}.json\`: ${AREA_TEXT[area]}.`),
    `- \`files/\`: the files you uploaded or were issued (${fileCount}): certificate PDFs, assignment attachments, forum images.`,
    "",
    "Other people's identities (who reviewed your work, which moderator acted) and secrets (password hashes, API key hashes, webhook secrets, session tokens) are left out on purpose.",
    "",
  ];
  return lines.join("\n");
}
