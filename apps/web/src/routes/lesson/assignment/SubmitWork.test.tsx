import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { withI18n } from "../../../lib/i18n/testing";
import { assignmentFixture, submissionFixture } from "./assignment-fixtures";
import { SubmitWork } from "./SubmitWork";

function render(over: Parameters<typeof assignmentFixture>[0]) {
  return renderToStaticMarkup(
    withI18n(
      <QueryClientProvider client={new QueryClient()}>
        <SubmitWork assignment={assignmentFixture(over)} courseId="course-1" />
      </QueryClientProvider>,
    ),
  );
}

describe("the learner's submission", () => {
  it("starts as a form with a preview, a character count and Submit", () => {
    const html = render({});
    expect(html).toMatch(/<label for="[^"]+">Your work<\/label>/);
    expect(html).toContain("Show preview");
    expect(html).toContain("0 / 50,000 characters");
    expect(html).toMatch(/<button type="submit"[^>]*>Submit<\/button>/);
  });

  it("can be revised until a reviewer starts", () => {
    const html = render({ stage: "reviewing", submission: submissionFixture() });
    expect(html).toMatch(/>Revise<\/button>/);
    expect(html).toContain("You can revise until a reviewer starts reviewing it.");
  });

  it("is read-only once a reviewer started, and says why", () => {
    const html = render({
      stage: "waiting",
      submission: submissionFixture({ status: "in_review", locked: true }),
    });
    expect(html).not.toContain(">Revise<");
    expect(html).toContain(
      "A reviewer has started reviewing your submission, so it can no longer change.",
    );
  });

  it("says submissions closed when the due date passed before submitting", () => {
    const html = render({
      open: false,
      settings: { ...assignmentFixture().settings, dueAt: "2026-12-01T12:00:00.000Z" },
    });
    expect(html).toContain("Submissions closed on");
    expect(html).not.toContain(">Submit<");
  });

  it("says an assignment without a rubric is not ready", () => {
    const html = render({ open: false, rubric: [] });
    expect(html).toContain("This assignment isn&#x27;t ready for submissions yet.");
  });
});
