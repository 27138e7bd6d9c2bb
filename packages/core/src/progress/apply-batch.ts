import type { Outbox } from "@lumen/jobs";
import { holdAnalyticsWriteLock, type SessionUser, type Transaction } from "../kernel";
import { settleEnrollments, toProgress } from "./completion";
import { watchedToMultirange } from "./coverage";
import type { ProgressEvent } from "./inputs";
import type { EnrollmentProgress, RecordResult } from "./types";
import { type BatchEvent, type RejectReason, writeEvents } from "./write-events";

export interface RecordCall {
  user: SessionUser;
  events: readonly ProgressEvent[];
}

/** Why an event is refused, by code; the REST API answers a status per code (ADR 0025). */
export const REJECT_REASONS: Record<RejectReason, string> = {
  enrollment: "No enrollment of yours has this id.",
  inactive: "This enrollment is no longer active.",
  lesson: "This lesson is not part of the enrollment's course.",
};

/**
 * Applies several callers' events in the given transaction and splits the outcome back per
 * call. A resent event id is a duplicate: the first occurrence in the batch (or an earlier
 * batch) is the one applied.
 */
export async function applyBatch(
  tx: Transaction,
  outbox: Outbox,
  calls: readonly RecordCall[],
  now = Date.now(),
): Promise<RecordResult[]> {
  const flat: BatchEvent[] = [];
  const owner: number[] = [];
  for (const [c, call] of calls.entries()) {
    for (const e of call.events) {
      owner.push(c);
      flat.push({
        i: flat.length,
        userId: call.user.id,
        eventId: e.eventId,
        enrollmentId: e.enrollmentId,
        lessonId: e.lessonId,
        watched: watchedToMultirange(e.watched),
        positionSeconds: e.positionSeconds,
        completed: e.completed,
        // As sent: part of the log's key (the write clamps it where it orders positions).
        occurredAt: e.occurredAt,
      });
    }
  }
  // Before the first insert: the rollup's horizon must not pass this transaction (ADR 0024).
  await holdAnalyticsWriteLock(tx);
  const outcome = await writeEvents(tx, flat, now);

  const rejected = new Map(outcome.rejected.map((r) => [r.i, r.reason]));
  const stored = new Set(outcome.alreadyStored);
  const seen = new Set<string>();
  const results: RecordResult[] = calls.map(() => ({
    accepted: 0,
    duplicates: 0,
    rejected: [],
    courses: [],
    lessons: [],
  }));
  const touched = calls.map(() => new Set<string>());
  /** `enrollment:lesson` keys each call brought new events for. */
  const applied = calls.map(() => new Set<string>());
  for (const e of flat) {
    const c = owner[e.i] ?? 0;
    const result = results[c];
    if (!result) continue;
    const reason = rejected.get(e.i);
    if (reason) {
      result.rejected.push({ eventId: e.eventId, reason: REJECT_REASONS[reason] });
      continue;
    }
    touched[c]?.add(e.enrollmentId);
    // Stored before this batch, or a second copy within it: acknowledged, not applied.
    if (stored.has(e.eventId) || seen.has(e.eventId)) result.duplicates += 1;
    else {
      result.accepted += 1;
      applied[c]?.add(`${e.enrollmentId}:${e.lessonId}`);
    }
    seen.add(e.eventId);
  }
  for (const lesson of outcome.lessons) {
    const key = `${lesson.enrollmentId}:${lesson.lessonId}`;
    for (const [c, result] of results.entries()) {
      if (applied[c]?.has(key)) result.lessons.push(lesson);
    }
  }

  // Enrollments that completed something are re-evaluated under their row lock (milestones,
  // certificate); for the others the write's own counts are exact.
  const settled = await settleEnrollments(tx, outbox, outcome.completedLessons);
  const byEnrollment = new Map<string, EnrollmentProgress>();
  for (const c of outcome.counted) {
    byEnrollment.set(
      c.enrollmentId,
      settled.get(c.enrollmentId) ??
        toProgress({ ...c, completedRequired: c.completed, requiredLessons: c.required }, []),
    );
  }
  for (const [c, result] of results.entries()) {
    for (const id of touched[c] ?? []) {
      const p = byEnrollment.get(id);
      if (p) result.courses.push(p);
    }
  }
  return results;
}
