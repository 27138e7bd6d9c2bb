import { type ComponentType, lazy } from "react";
import { createBrowserRouter, type LoaderFunctionArgs } from "react-router";
import { Layout } from "./components/Layout";
import { RouteError } from "./components/RouteError";
import { PageLoading } from "./components/states";
import { type CatalogName, loadPageCatalogs } from "./lib/i18n/catalogs";
import {
  prefetchAssignmentBacklog,
  prefetchCatalog,
  prefetchCourse,
  prefetchCourseEditor,
  prefetchLesson,
  prefetchMyLearning,
  prefetchResume,
  prefetchTeach,
} from "./routes/prefetch";

/**
 * Every page is its own chunk, so the first load carries only the shell: React, the router,
 * TanStack Query, the tRPC client and the layout. Each route's loader starts the page's
 * chunk and its data together and returns at once, so the header paints immediately and
 * neither waits for the other (no chunk → then fetch waterfall). The page's message catalogs
 * (`catalogs`: its route folders', those its code imports; route-catalogs.test.ts checks the
 * list) load beside its chunk, and the page renders once both are in (ADR 0031).
 */
function page(load: () => Promise<{ Component: ComponentType }>, catalogs: readonly CatalogName[]) {
  const loadPage = () => Promise.all([load(), loadPageCatalogs(catalogs)]);
  const Component = lazy(() => loadPage().then(([module]) => ({ default: module.Component })));
  return (prefetch?: (args: LoaderFunctionArgs) => void) => ({
    Component,
    loader: (args: LoaderFunctionArgs) => {
      void loadPage();
      prefetch?.(args);
      return null;
    },
  });
}

const catalog = page(() => import("./routes/catalog/CatalogPage"), ["catalog"]);
const course = page(() => import("./routes/course/CoursePage"), ["catalog", "course", "learn"]);
// The lesson player; hls.js loads from it on demand, so even this chunk stays small.
const lesson = page(
  () => import("./routes/lesson/LessonPage"),
  ["course", "forum", "learn", "lesson"],
);
// `/courses/:slug/learn`: a redirect to the lesson to resume.
const resume = page(() => import("./routes/learn/ResumePage"), ["learn"]);
// The course forum: learners' chunks of their own, loaded only when the forum is opened.
const forum = page(() => import("./routes/forum/ForumPage"), ["forum"]);
const forumThread = page(() => import("./routes/forum/ThreadPage"), ["forum"]);
const forumModeration = page(
  () => import("./routes/teach/forum/ModerationPage"),
  ["forum", "teach"],
);
const reviewModeration = page(
  () => import("./routes/teach/reviews/ReviewModerationPage"),
  ["forum", "teach"],
);
const myLearning = page(
  () => import("./routes/my-learning/MyLearningPage"),
  ["learn", "my-learning"],
);
const signIn = page(() => import("./routes/auth/SignInPage"), ["auth"]);
const signUp = page(() => import("./routes/auth/SignUpPage"), ["auth"]);
const notFound = page(() => import("./routes/NotFoundPage"), []);
const forgotPassword = page(() => import("./routes/auth/ForgotPasswordPage"), ["auth"]);
// Opened from the mailed reset link, signed in or not.
const resetPassword = page(() => import("./routes/auth/ResetPasswordPage"), ["auth"]);
const profileSettings = page(() => import("./routes/settings/ProfilePage"), ["settings"]);
const accountSettings = page(() => import("./routes/settings/AccountPage"), ["settings"]);
const notificationSettings = page(
  () => import("./routes/settings/NotificationSettingsPage"),
  ["settings"],
);
const apiKeySettings = page(() => import("./routes/settings/ApiKeysPage"), ["settings"]);
const webhookSettings = page(() => import("./routes/settings/WebhooksPage"), ["settings"]);
const privacySettings = page(() => import("./routes/settings/PrivacyPage"), ["settings"]);
const adminRetirements = page(
  () => import("./routes/admin/RetirementsPage"),
  ["admin", "settings"],
);
// Opened from an email's unsubscribe link, signed in or not.
const unsubscribePage = page(
  () => import("./routes/unsubscribe/UnsubscribePage"),
  ["settings", "unsubscribe"],
);
// Authoring: separate chunks that learners never download.
const teach = page(() => import("./routes/teach/TeachListPage"), ["teach"]);
const newCourse = page(() => import("./routes/teach/NewCoursePage"), ["teach"]);
const courseEditor = page(
  () => import("./routes/teach/editor/CourseEditorPage"),
  ["lesson", "teach", "teach-editor"],
);
const assignmentBacklog = page(() => import("./routes/teach/backlog/BacklogPage"), ["teach"]);
// The engagement dashboard, with the chart library: only instructors ever load this chunk.
const courseAnalytics = page(
  () => import("./routes/teach/analytics/AnalyticsPage"),
  ["lesson", "teach", "teach-editor"],
);

export const router = createBrowserRouter([
  {
    Component: Layout,
    HydrateFallback: PageLoading,
    children: [
      {
        ErrorBoundary: RouteError,
        children: [
          { index: true, ...catalog(({ request }) => prefetchCatalog(new URL(request.url))) },
          { path: "courses/:slug", ...course(({ params }) => prefetchCourse(params.slug)) },
          { path: "courses/:slug/learn", ...resume(({ params }) => prefetchResume(params.slug)) },
          {
            path: "courses/:slug/lessons/:lessonId",
            ...lesson(({ params }) => prefetchLesson(params.slug, params.lessonId)),
          },
          { path: "courses/:slug/forum", ...forum() },
          { path: "courses/:slug/forum/:threadId", ...forumThread() },
          { path: "my-learning", ...myLearning(prefetchMyLearning) },
          { path: "teach", ...teach(({ request }) => prefetchTeach(new URL(request.url))) },
          { path: "teach/new", ...newCourse() },
          {
            path: "teach/courses/:courseId",
            ...courseEditor(({ params }) => prefetchCourseEditor(params.courseId)),
          },
          {
            path: "teach/courses/:courseId/assignments/:lessonId",
            ...assignmentBacklog(({ params }) =>
              prefetchAssignmentBacklog(params.courseId, params.lessonId),
            ),
          },
          { path: "settings/profile", ...profileSettings() },
          { path: "settings/account", ...accountSettings() },
          { path: "settings/notifications", ...notificationSettings() },
          { path: "settings/api-keys", ...apiKeySettings() },
          { path: "settings/webhooks", ...webhookSettings() },
          { path: "settings/privacy", ...privacySettings() },
          { path: "admin/retirements", ...adminRetirements() },
          { path: "unsubscribe", ...unsubscribePage() },
          { path: "teach/courses/:courseId/forum", ...forumModeration() },
          { path: "teach/courses/:courseId/reviews", ...reviewModeration() },
          {
            path: "teach/courses/:courseId/analytics",
            ...courseAnalytics(({ params }) => prefetchCourseEditor(params.courseId)),
          },
          { path: "sign-in", ...signIn() },
          { path: "sign-up", ...signUp() },
          { path: "forgot-password", ...forgotPassword() },
          { path: "reset-password", ...resetPassword() },
          { path: "*", ...notFound() },
        ],
      },
    ],
  },
]);
