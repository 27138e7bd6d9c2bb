import { randomUUID } from "node:crypto";
import { type Database, quizQuestions, quizzes } from "@lumen/db";
import type { Outbox } from "@lumen/jobs";
import { and, eq, inArray, notInArray } from "drizzle-orm";
import { lockLesson } from "../access";
import { touchCourse } from "../authoring";
import type { SessionUser } from "../kernel";
import { assertQuizLesson } from "./access";
import { readEditableQuiz } from "./get-quiz";
import type { EditableQuestion, SaveQuizInput } from "./inputs";
import type { EditableQuiz } from "./types";
import { assertValidQuestions } from "./validate-quiz";

/**
 * Replaces a quiz's settings and questions in one transaction, under the course lock like
 * every authoring mutation. Questions that still exist keep their ids (past attempts' feedback
 * refers to them); an id this quiz does not have is treated as a new question. Past attempts
 * keep the score they were graded with.
 */
export async function saveQuiz({
  db,
  user,
  outbox,
  input,
}: {
  db: Database;
  user: SessionUser;
  outbox: Outbox;
  input: SaveQuizInput;
}): Promise<EditableQuiz> {
  assertValidQuestions(input.questions);
  return db.transaction(async (tx) => {
    const { course, lesson } = await lockLesson(tx, user, input.lessonId);
    assertQuizLesson(lesson);
    await tx
      .insert(quizzes)
      .values({ lessonId: lesson.id, ...input.settings })
      .onConflictDoUpdate({
        target: quizzes.lessonId,
        set: { ...input.settings, updatedAt: new Date() },
      });
    const givenIds = input.questions.flatMap((q) => (q.id ? [q.id] : []));
    const existing = new Set(
      givenIds.length === 0
        ? []
        : (
            await tx
              .select({ id: quizQuestions.id })
              .from(quizQuestions)
              .where(
                and(eq(quizQuestions.lessonId, lesson.id), inArray(quizQuestions.id, givenIds)),
              )
          ).map((r) => r.id),
    );
    await tx
      .delete(quizQuestions)
      .where(
        existing.size === 0
          ? eq(quizQuestions.lessonId, lesson.id)
          : and(eq(quizQuestions.lessonId, lesson.id), notInArray(quizQuestions.id, [...existing])),
      );
    for (const [position, question] of input.questions.entries()) {
      const row = questionRow(question, position);
      if (question.id && existing.has(question.id)) {
        await tx.update(quizQuestions).set(row).where(eq(quizQuestions.id, question.id));
      } else {
        await tx.insert(quizQuestions).values({ id: randomUUID(), lessonId: lesson.id, ...row });
      }
    }
    await touchCourse(tx, outbox, course.id);
    return readEditableQuiz(tx, lesson.id);
  });
}

/** The stored shape: options only for choice kinds, the answer as the editor wrote it. */
function questionRow(question: EditableQuestion, position: number) {
  const options =
    question.kind === "single_choice" || question.kind === "multiple_choice"
      ? question.options
      : [];
  return {
    position,
    kind: question.kind,
    prompt: question.prompt,
    points: question.points,
    explanation: question.explanation,
    options,
    answer: { ...question.answer },
  };
}
