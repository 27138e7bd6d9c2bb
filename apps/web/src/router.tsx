import { type ComponentType, lazy } from "react";
import { createBrowserRouter, type LoaderFunctionArgs } from "react-router";
import { Layout } from "./components/Layout";
import { RouteError } from "./components/RouteError";
import { PageLoading } from "./components/states";
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
 * neither waits for the other (no chunk → then fetch waterfall).
 */
function page(load: () => Promise<{ Component: ComponentType }>) {
  const Component = lazy(() => load().then((module) => ({ default: module.Component })));
  return (prefetch?: (args: LoaderFunctionArgs) => void) => ({
    Component,
    loader: (args: LoaderFunctionArgs) => {
      void load();
      prefetch?.(args);
      return null;
    },
  });
}

const catalog = page(() => import("./routes/catalog/CatalogPage"));
const course = page(() => import("./routes/course/CoursePage"));
// The lesson player; hls.js loads from it on demand, so even this chunk stays small.
const lesson = page(() => import("./routes/lesson/LessonPage"));
// `/courses/:slug/learn`: a redirect to the lesson to resume.
const resume = page(() => import("./routes/learn/ResumePage"));
// The course forum: learners' chunks of their own, loaded only when the forum is opened.
const forum = page(() => import("./routes/forum/ForumPage"));
const forumThread = page(() => import("./routes/forum/ThreadPage"));
const forumModeration = page(() => import("./routes/teach/forum/ModerationPage"));
const myLearning = page(() => import("./routes/my-learning/MyLearningPage"));
const signIn = page(() => import("./routes/auth/SignInPage"));
const signUp = page(() => import("./routes/auth/SignUpPage"));
const notFound = page(() => import("./routes/NotFoundPage"));
const forgotPassword = page(() => import("./routes/auth/ForgotPasswordPage"));
// Opened from the mailed reset link, signed in or not.
const resetPassword = page(() => import("./routes/auth/ResetPasswordPage"));
const profileSettings = page(() => import("./routes/settings/ProfilePage"));
const accountSettings = page(() => import("./routes/settings/AccountPage"));
const notificationSettings = page(() => import("./routes/settings/NotificationSettingsPage"));
const apiKeySettings = page(() => import("./routes/settings/ApiKeysPage"));
const webhookSettings = page(() => import("./routes/settings/WebhooksPage"));
const privacySettings = page(() => import("./routes/settings/PrivacyPage"));
const adminRetirements = page(() => import("./routes/admin/RetirementsPage"));
// Opened from an email's unsubscribe link, signed in or not.
const unsubscribePage = page(() => import("./routes/unsubscribe/UnsubscribePage"));
// Authoring: separate chunks that learners never download.
const teach = page(() => import("./routes/teach/TeachListPage"));
const newCourse = page(() => import("./routes/teach/NewCoursePage"));
const courseEditor = page(() => import("./routes/teach/editor/CourseEditorPage"));
const assignmentBacklog = page(() => import("./routes/teach/backlog/BacklogPage"));
// The engagement dashboard, with the chart library: only instructors ever load this chunk.
const courseAnalytics = page(() => import("./routes/teach/analytics/AnalyticsPage"));

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
