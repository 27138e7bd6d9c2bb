import { describe, expect, it } from "vitest";
import { promptStage } from "./RatingPrompt";

describe("promptStage", () => {
  it("counts the prompt milestones passed: none below 50 %, one from 50 %, two at completion", () => {
    expect([0, 49, 50, 99, 100].map(promptStage)).toEqual([0, 0, 1, 1, 2]);
  });
});
