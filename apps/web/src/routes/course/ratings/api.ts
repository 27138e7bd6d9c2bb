import { useQueryClient } from "@tanstack/react-query";
import type { inferOutput } from "@trpc/tanstack-react-query";
import { trpc } from "../../../lib/trpc";

export type RatingSummary = inferOutput<typeof trpc.ratings.summary>;
export type Review = inferOutput<typeof trpc.ratings.reviews>["items"][number];
export type ReviewSort = "helpful" | "newest" | "lowest";

/** After a rating changes: its summary, its reviews, and the course's card numbers. */
export function useInvalidateRatings(slug: string) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries(trpc.ratings.pathFilter()),
      queryClient.invalidateQueries(trpc.catalog.bySlug.queryFilter({ slug })),
    ]);
}
