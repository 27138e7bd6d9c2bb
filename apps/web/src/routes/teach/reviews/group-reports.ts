import type { inferOutput } from "@trpc/tanstack-react-query";
import type { trpc } from "../../../lib/trpc";

export type ReviewReport = inferOutput<typeof trpc.ratings.reports>["items"][number];

/** One reported review with the reports on it, in the order the queue listed them. */
export interface ReportedReview {
  ratingId: string;
  stars: number;
  title: string;
  excerpt: string;
  author: ReviewReport["reviewAuthor"];
  hidden: boolean;
  reports: Array<Pick<ReviewReport, "id" | "reason" | "reporter" | "status" | "createdAt">>;
  openReportIds: string[];
}

/**
 * The API lists reports one by one; moderators act on reviews, so the queue shows each
 * review once with its reports (reason, who, when) and their count.
 */
export function groupReports(items: readonly ReviewReport[]): ReportedReview[] {
  const byRating = new Map<string, ReportedReview>();
  for (const item of items) {
    let group = byRating.get(item.ratingId);
    if (!group) {
      group = {
        ratingId: item.ratingId,
        stars: item.stars,
        title: item.title,
        excerpt: item.excerpt,
        author: item.reviewAuthor,
        hidden: item.reviewHidden,
        reports: [],
        openReportIds: [],
      };
      byRating.set(item.ratingId, group);
    }
    const { id, reason, reporter, status, createdAt } = item;
    group.reports.push({ id, reason, reporter, status, createdAt });
    if (status === "open") group.openReportIds.push(id);
  }
  return [...byRating.values()];
}
