import type { RatingEligibility } from "./eligibility";

export interface PersonRef {
  id: string;
  name: string;
}

/** A course's ratings at a glance: what the course page's summary shows. */
export interface RatingSummary {
  courseId: string;
  /** The plain average of the visible ratings (0 without any) and their count. */
  average: number;
  count: number;
  /** Visible ratings per star, 5 first. */
  distribution: Array<{ stars: 1 | 2 | 3 | 4 | 5; count: number }>;
  /** The viewer's own rating, when they rated the course. */
  mine: MyRating | null;
  eligibility: RatingEligibility;
  /** The viewer is the course's instructor or an admin (moderates, responds). */
  isStaff: boolean;
}

export interface MyRating {
  id: string;
  stars: number;
  title: string;
  body: string;
  hidden: boolean;
  updatedAt: string;
}

export interface ReviewView {
  id: string;
  stars: number;
  title: string;
  /** Markdown, for the sanitized renderer. */
  body: string;
  author: PersonRef;
  createdAt: string;
  updatedAt: string;
  helpfulCount: number;
  /** The viewer marked it helpful. */
  votedHelpful: boolean;
  mine: boolean;
  /** Only staff (and the author) ever see a hidden review. */
  hidden: boolean;
  hiddenReason: string | null;
  response: { body: string; author: PersonRef | null; updatedAt: string } | null;
}

export interface ReviewPage {
  items: ReviewView[];
  total: number;
  page: number;
  pageSize: number;
  pageCount: number;
}

export interface ReviewReportView {
  id: string;
  ratingId: string;
  stars: number;
  title: string;
  excerpt: string;
  reviewAuthor: PersonRef;
  reviewHidden: boolean;
  reporter: PersonRef | null;
  reason: string;
  status: "open" | "resolved" | "dismissed";
  createdAt: string;
}
