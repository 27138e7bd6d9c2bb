import { z } from "zod";
import { DEFAULT_QUEUE_OPTIONS, defineJob, type JobDefinition } from "./define";

/**
 * Every job kind the platform has. Queues are created from this list by producers and by
 * the runner alike, so a job sent while no runner is up is kept until one starts.
 */

/** Bring one course's search document in line with Postgres (index, update or remove). */
export const indexCourseJob = defineJob({
  name: "search.index-course",
  payload: z.object({ courseId: z.uuid() }),
  queue: DEFAULT_QUEUE_OPTIONS,
});

/**
 * Make the edge forget cached catalog pages. Enqueued by the index handler once the search
 * index reflects the change, so the edge never re-caches results from before it.
 */
export const purgeCatalogJob = defineJob({
  name: "catalog.purge-edge",
  payload: z.object({ courseId: z.uuid(), slug: z.string().min(1).optional() }),
  queue: { ...DEFAULT_QUEUE_OPTIONS, retryLimit: 10 },
});

export const JOB_DEFINITIONS: readonly JobDefinition[] = [indexCourseJob, purgeCatalogJob];
