/**
 * Authoring limits, in one place so input parsing, the publish checklist and the editor's
 * hints agree. Publishing asks for more than saving: a draft may be rough.
 */
export const COURSE_TITLE_MAX = 120;
export const COURSE_TITLE_MIN_TO_PUBLISH = 5;
export const COURSE_SUBTITLE_MAX = 200;
export const COURSE_DESCRIPTION_MAX = 20_000;
export const COURSE_DESCRIPTION_MIN_TO_PUBLISH = 50;
export const COURSE_TAGS_MAX = 10;
export const COURSE_TAG_MAX_LENGTH = 30;

export const MODULE_TITLE_MAX = 200;
export const LESSON_TITLE_MAX = 200;
export const LESSON_BODY_MAX = 100_000;
/** A single lesson longer than a day is a typo, not a lesson. */
export const LESSON_DURATION_MAX_SECONDS = 24 * 60 * 60;
/** Upper bound on ids in one reorder call; far above any real outline. */
export const REORDER_IDS_MAX = 500;

export const MY_COURSES_PAGE_SIZE_MAX = 100;
