import { getCourseBySlug, searchCatalog } from "@lumen/core/catalog";
import { catalogQuerySchema, courseSlugSchema } from "@lumen/shared";
import { z } from "zod";
import { publicProcedure, router } from "../trpc";

export const catalogRouter = router({
  /** Search and browse: query text, filters, facet counts, sort and pages in one call. */
  list: publicProcedure
    .input(catalogQuerySchema)
    .query(({ ctx, input }) => searchCatalog({ search: ctx.search, input })),
  bySlug: publicProcedure
    // The shared contract's slug: tRPC, the public route and the edge refuse the same ones.
    .input(z.object({ slug: courseSlugSchema }))
    .query(({ ctx, input }) => getCourseBySlug({ db: ctx.db, user: ctx.user, slug: input.slug })),
});
