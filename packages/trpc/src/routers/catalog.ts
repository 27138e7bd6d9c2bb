import { catalogQuerySchema } from "@lumen/shared";
import { z } from "zod";
import { getCourseBySlug } from "../services/catalog/get-course";
import { listCourses } from "../services/catalog/list-courses";
import { listFacets } from "../services/catalog/list-facets";
import { publicProcedure, router } from "../trpc";

export const slugSchema = z
  .string()
  .min(1)
  .max(160)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "slug must be lowercase letters, digits and dashes");

export const catalogRouter = router({
  list: publicProcedure
    .input(catalogQuerySchema)
    .query(({ ctx, input }) => listCourses({ db: ctx.db, input })),
  facets: publicProcedure.query(({ ctx }) => listFacets({ db: ctx.db })),
  bySlug: publicProcedure
    .input(z.object({ slug: slugSchema }))
    .query(({ ctx, input }) => getCourseBySlug({ db: ctx.db, user: ctx.user, slug: input.slug })),
});
