import type { Database } from "@lumen/db";
import type { SessionUser } from "../kernel";
import { openQuizForEditing } from "./access";
import { countAttempts, loadQuestionsWithAnswers, loadQuizSettings } from "./load";
import type { EditableQuiz } from "./types";

/** The whole quiz, answers included, for the course's editors (defaults before the first save). */
export async function getEditableQuiz({
  db,
  user,
  input,
}: {
  db: Database;
  user: SessionUser;
  input: { lessonId: string };
}): Promise<EditableQuiz> {
  const lesson = await openQuizForEditing(db, user, input.lessonId);
  return readEditableQuiz(db, lesson.id);
}

/** One query after another: inside a transaction they share a single connection. */
export async function readEditableQuiz(db: Database, lessonId: string): Promise<EditableQuiz> {
  const settings = await loadQuizSettings(db, lessonId);
  const questions = await loadQuestionsWithAnswers(db, lessonId);
  const attemptCount = await countAttempts(db, lessonId);
  return { lessonId, settings, questions, attemptCount };
}
