import { getCourseBySlug } from "@lumen/core/catalog/get-course";
import { searchCatalog } from "@lumen/core/catalog/search-catalog";
import { catalogQuerySchema, courseSlugSchema } from "@lumen/shared";
import { z } from "zod";
import { publicProcedure, router } from "../trpc";

/** The shared contract's slug, so tRPC, the public route and the edge refuse the same ones. */
export const slugSchema = courseSlugSchema;

export const catalogRouter = router({
  /** Search and browse: query text, filters, facet counts, sort and pages in one call. */
  list: publicProcedure
    .input(catalogQuerySchema)
    .query(({ ctx, input }) => searchCatalog({ search: ctx.search, input })),
  bySlug: publicProcedure
    .input(z.object({ slug: slugSchema }))
    .query(({ ctx, input }) => getCourseBySlug({ db: ctx.db, user: ctx.user, slug: input.slug })),
});
