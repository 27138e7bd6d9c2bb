import { authoringRouter } from "./routers/authoring";
import { catalogRouter } from "./routers/catalog";
import { enrollmentRouter } from "./routers/enrollment";
import { videoRouter } from "./routers/video";
import { createCallerFactory, router } from "./trpc";

export const appRouter = router({
  authoring: authoringRouter,
  catalog: catalogRouter,
  enrollment: enrollmentRouter,
  video: videoRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
