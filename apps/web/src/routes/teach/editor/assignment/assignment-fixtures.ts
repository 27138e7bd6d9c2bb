import type { EditableAssignment } from "./assignment-editor";

/** A saved assignment as `assignment.edit` returns it, for the editor's unit tests. */
export const LESSON = "7b0f6f0e-4a8e-4f57-9a57-1f7d1c3d2b20";
export const U = (n: number) => `00000000-0000-4000-8000-0000000000${String(n).padStart(2, "0")}`;

export function ids() {
  let n = 0;
  return () => `id${++n}`;
}

/** Two criteria (Argument: 0/2/4, Style: 0/1), one graded example. */
export function savedAssignment(patch: Partial<EditableAssignment> = {}): EditableAssignment {
  return {
    lessonId: LESSON,
    settings: {
      allowAttachments: true,
      reviewsToGive: 3,
      reviewsNeeded: 3,
      dueAt: null,
      reviewWindowHours: 168,
      reviewsCloseAt: null,
      leaseMinutes: 480,
      fallback: "grade_available",
      weightByCalibration: false,
      passingPercent: 60,
      requiredForCertificate: true,
    },
    rubric: [
      {
        id: U(1),
        title: "Argument",
        description: "Is the claim supported?",
        commentRequired: true,
        levels: [
          { id: U(11), label: "Missing", description: "", points: 0 },
          { id: U(12), label: "Partial", description: "", points: 2 },
          { id: U(13), label: "Convincing", description: "", points: 4 },
        ],
      },
      {
        id: U(2),
        title: "Style",
        description: "",
        commentRequired: false,
        levels: [
          { id: U(21), label: "Rough", description: "", points: 0 },
          { id: U(22), label: "Clear", description: "", points: 1 },
        ],
      },
    ],
    examples: [
      {
        id: U(31),
        body: "Bridges are good.",
        scores: [
          { criterionId: U(1), levelId: U(12), points: 2, comment: "Thin support." },
          { criterionId: U(2), levelId: U(22), points: 1, comment: "" },
        ],
      },
    ],
    rubricLocked: false,
    submissionCount: 0,
    ...patch,
  };
}
