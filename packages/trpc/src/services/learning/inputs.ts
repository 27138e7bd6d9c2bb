import { z } from "zod";
import { id } from "../authoring/course-inputs";

export const lessonContentInput = z.object({ lessonId: id("lessonId") });
