import { analyticsRouter } from "./routers/analytics";
import { apiKeysRouter } from "./routers/api-keys";
import { assignmentRouter } from "./routers/assignment";
import { assignmentFilesRouter } from "./routers/assignment-files";
import { authoringRouter } from "./routers/authoring";
import { catalogRouter } from "./routers/catalog";
import { certificatesRouter } from "./routers/certificates";
import { emailRouter } from "./routers/email";
import { enrollmentRouter } from "./routers/enrollment";
import { exerciseRouter } from "./routers/exercise";
import { forumRouter } from "./routers/forum";
import { forumFilesRouter } from "./routers/forum-files";
import { learningRouter } from "./routers/learning";
import { liveRouter } from "./routers/live";
import { notificationsRouter } from "./routers/notifications";
import { privacyRouter } from "./routers/privacy";
import { progressRouter } from "./routers/progress";
import { quizRouter } from "./routers/quiz";
import { ratingsRouter } from "./routers/ratings";
import { usersRouter } from "./routers/users";
import { videoRouter } from "./routers/video";
import { webhooksRouter } from "./routers/webhooks";
import { createCallerFactory, router } from "./trpc";

export const appRouter = router({
  analytics: analyticsRouter,
  apiKeys: apiKeysRouter,
  assignment: assignmentRouter,
  assignmentFiles: assignmentFilesRouter,
  authoring: authoringRouter,
  catalog: catalogRouter,
  certificates: certificatesRouter,
  email: emailRouter,
  enrollment: enrollmentRouter,
  exercise: exerciseRouter,
  forum: forumRouter,
  forumFiles: forumFilesRouter,
  learning: learningRouter,
  live: liveRouter,
  notifications: notificationsRouter,
  privacy: privacyRouter,
  progress: progressRouter,
  quiz: quizRouter,
  ratings: ratingsRouter,
  users: usersRouter,
  video: videoRouter,
  webhooks: webhooksRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
