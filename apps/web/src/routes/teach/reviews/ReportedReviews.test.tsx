import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { withI18n } from "../../../lib/i18n/testing";
import type { ReportedReview } from "./group-reports";
import { type QueueState, ReviewQueue } from "./ReportedReviews";

const spam: ReportedReview = {
  ratingId: "r1",
  stars: 1,
  title: "Awful",
  excerpt: "Buy my course instead.",
  author: { id: "u1", name: "Sam Spammer" },
  hidden: false,
  reports: [
    {
      id: "p1",
      reason: "Advertising",
      reporter: { id: "u2", name: "Lea Learner" },
      status: "open",
      createdAt: "2026-12-06T10:00:00.000Z",
    },
    { id: "p2", reason: "Spam", reporter: null, status: "open", createdAt: "2026-12-06T11:00:00Z" },
  ],
  openReportIds: ["p1", "p2"],
};

const render = (
  state: QueueState,
  status: "open" | "closed" = "open",
  busy: string | null = null,
) =>
  renderToStaticMarkup(
    withI18n(
      <ReviewQueue
        state={state}
        status={status}
        busyRatingId={busy}
        onHide={() => {}}
        onDismiss={() => {}}
      />,
    ),
  );

describe("ReviewQueue", () => {
  it("says it is loading while the reports load", () => {
    expect(render({ kind: "loading" })).toContain("Loading reported reviews…");
  });

  it("shows the error with a retry", () => {
    const html = render({ kind: "error", onRetry: () => {} });
    expect(html).toContain("We could not load the reported reviews.");
    expect(html).toMatch(/<button[^>]*>Try again<\/button>/);
  });

  it("an empty open queue says reports will wait here", () => {
    const html = render({ kind: "ready", reviews: [] });
    expect(html).toContain("No reported reviews");
    expect(html).toContain("it waits here for you");
    expect(render({ kind: "ready", reviews: [] }, "closed")).toContain("No closed reports");
  });

  it("shows a reported review once, with each report's reason, reporter and count, and its actions", () => {
    const html = render({ kind: "ready", reviews: [spam] });
    expect(html.match(/data-testid="reported-review"/g)).toHaveLength(1);
    expect(html).toContain('aria-label="Review by Sam Spammer"');
    expect(html).toContain("Rated 1 out of 5");
    expect(html).toContain("Buy my course instead.");
    expect(html).toContain("2 reports");
    expect(html).toContain("Advertising");
    expect(html).toContain('<span translate="no">Lea Learner</span>');
    expect(html).toContain("a deleted account");
    expect(html).toContain(">Hide review</button>");
    expect(html).toContain(">Dismiss 2 reports</button>");
  });

  it("a hidden review offers Restore and no Dismiss once its reports are closed", () => {
    const hidden: ReportedReview = {
      ...spam,
      hidden: true,
      reports: spam.reports.map((r) => ({ ...r, status: "resolved" as const })),
      openReportIds: [],
    };
    const html = render({ kind: "ready", reviews: [hidden] }, "closed");
    expect(html).toContain(">Hidden</span>");
    expect(html).toContain(">Restore review</button>");
    expect(html).toContain("Resolved");
    expect(html).not.toContain("Dismiss");
  });

  it("disables a review's buttons while an action runs on it", () => {
    const html = render({ kind: "ready", reviews: [spam] }, "open", "r1");
    expect(html).toMatch(/<button[^>]*disabled=""[^>]*>Hide review<\/button>/);
  });
});
