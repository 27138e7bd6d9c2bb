import { z } from "zod";
import { id } from "../kernel";

export const lessonContentInput = z.object({ lessonId: id("lessonId") });
