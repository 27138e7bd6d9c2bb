import type { QuizPlan } from "../../api-client";

/**
 * The demo course `pnpm dev` builds through the real API on a first run: every lesson kind a
 * newcomer should see (video, text, PDF, quiz), small enough to build in seconds.
 */
export const DEMO_COURSE = {
  title: "A tour of Lumen",
  subtitle: "Four short lessons that show how learning works here.",
  description: [
    "A quick tour of the learning loop: watch a clip, read a lesson, open a handout and pass a",
    "short quiz. Finish every required lesson and pass the quiz to earn a certificate that anyone",
    "can verify from its link or QR code.",
  ].join("\n"),
  category: "Personal Development",
  level: "beginner",
  language: "en",
} as const;

export const DEMO_SLUG = "a-tour-of-lumen";

export const DEMO_MODULES = [
  {
    title: "Getting started",
    lessons: [
      { key: "welcome", title: "Welcome to Lumen", kind: "text" },
      { key: "video", title: "Meet the player", kind: "video" },
    ],
  },
  {
    title: "Practice",
    lessons: [
      { key: "handout", title: "Course handout", kind: "pdf" },
      { key: "quiz", title: "Check your understanding", kind: "quiz" },
    ],
  },
] as const;

type DemoLesson = (typeof DEMO_MODULES)[number]["lessons"][number];
export type DemoLessonKey = DemoLesson["key"];

export const WELCOME_BODY = `## How this course works

- **Video** lessons play in the player; use the keyboard (Space, J, L, arrows) or the controls.
- **Reading** lessons like this one are done when you press *Mark as complete*.
- The **handout** opens in the browser's PDF viewer.
- The **quiz** is graded on the server; you need 60 % to pass.

Your progress is saved as you go, and the course page tells you where to continue.`;

/** The clip the video lesson plays: a test pattern with a tone, made by FFmpeg on first run. */
export const DEMO_CLIP = { width: 640, height: 360, seconds: 8, name: "lumen-tour.mp4" };

export const DEMO_QUIZ: QuizPlan = {
  settings: { passingPercent: 60, maxAttempts: null, requiredForCertificate: true },
  questions: [
    {
      kind: "single_choice",
      prompt: "Which lessons count towards your certificate?",
      points: 1,
      explanation: "Optional lessons are extra; every required lesson counts once.",
      options: [
        { id: "all", text: "Every lesson, optional ones included" },
        { id: "required", text: "Every required lesson" },
      ],
      answer: { optionId: "required" },
    },
    {
      kind: "true_false",
      prompt: "Replaying the same minute of a video twice counts it twice.",
      points: 1,
      explanation: "Watched parts count once, however often you replay them.",
      answer: { value: false },
    },
    {
      kind: "numeric",
      prompt: "What percentage does this quiz need to pass?",
      points: 1,
      explanation: "The passing score is set by the instructor: 60 % here.",
      answer: { value: 60, tolerance: 0 },
    },
  ],
};

/** What a learner who knows the answers submits, question by question (same order). */
export const DEMO_QUIZ_RESPONSES = [
  { kind: "choice" as const, optionIds: ["required"] },
  { kind: "boolean" as const, value: false },
  { kind: "number" as const, value: 60 },
];
