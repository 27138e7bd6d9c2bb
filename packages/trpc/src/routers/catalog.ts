import { catalogQuerySchema } from "@lumen/shared";
import { z } from "zod";
import { getCourseBySlug } from "../services/catalog/get-course";
import { searchCatalog } from "../services/catalog/search-catalog";
import { publicProcedure, router } from "../trpc";

export const slugSchema = z
  .string()
  .min(1)
  .max(160)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "slug must be lowercase letters, digits and dashes");

export const catalogRouter = router({
  /** Search and browse: query text, filters, facet counts, sort and pages in one call. */
  list: publicProcedure
    .input(catalogQuerySchema)
    .query(({ ctx, input }) => searchCatalog({ search: ctx.search, input })),
  bySlug: publicProcedure
    .input(z.object({ slug: slugSchema }))
    .query(({ ctx, input }) => getCourseBySlug({ db: ctx.db, user: ctx.user, slug: input.slug })),
});
