import { authoringRouter } from "./routers/authoring";
import { catalogRouter } from "./routers/catalog";
import { enrollmentRouter } from "./routers/enrollment";
import { createCallerFactory, router } from "./trpc";

export const appRouter = router({
  authoring: authoringRouter,
  catalog: catalogRouter,
  enrollment: enrollmentRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
