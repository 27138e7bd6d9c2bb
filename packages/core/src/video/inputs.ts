import { WEBVTT_MAX_BYTES } from "@lumen/media";
import { z } from "zod";
import { id, multiLine, singleLine } from "../kernel";

/** Input schemas of the video procedures; messages are shown next to the form field. */
/** A position beyond a day is a bug in the player, not a lesson. */
const SECONDS_MAX = 24 * 60 * 60;

export const lessonIdInput = z.object({ lessonId: id("lessonId") });
export const assetIdInput = z.object({ assetId: id("assetId") });

export const createUploadInput = lessonIdInput.extend({
  filename: singleLine({
    label: "File name",
    max: 255,
    tooLong: "File names can be at most 255 characters.",
  }).min(1, "The file needs a name."),
  byteSize: z
    .number()
    .int("The size must be whole bytes.")
    .min(1, "The file is empty. Choose a video file."),
});

const language = singleLine({
  label: "Language",
  max: 35,
  tooLong: "Use a language tag such as en, pt-BR or zh-Hant.",
}).regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, "Use a language tag such as en, pt-BR or zh-Hant.");

export const addCaptionInput = assetIdInput.extend({
  language,
  label: singleLine({
    label: "Label",
    max: 60,
    tooLong: "Labels can be at most 60 characters.",
  }).min(1, "Give the captions a label, e.g. “English”."),
  // Every UTF-16 unit takes at least one UTF-8 byte: the 1 MiB byte check is the binding one.
  vtt: multiLine({
    label: "The caption file",
    max: WEBVTT_MAX_BYTES,
    tooLong: "Caption files can be at most 1 MiB.",
    trim: false,
  }).refine(
    (text) => Buffer.byteLength(text, "utf8") <= WEBVTT_MAX_BYTES,
    "Caption files can be at most 1 MiB.",
  ),
});

export const removeCaptionInput = assetIdInput.extend({ language });

const seconds = (what: string) =>
  z
    .number()
    .min(0, `${what} can't be negative.`)
    .max(SECONDS_MAX, `${what} can be at most 24 hours.`);

/** An old client's `watchedSeconds` is stripped: watch time is not taken on trust. */
export const savePositionInput = lessonIdInput.extend({
  positionSeconds: seconds("The position"),
});

export type CreateUploadInput = z.output<typeof createUploadInput>;
export type AddCaptionInput = z.output<typeof addCaptionInput>;
export type SavePositionInput = z.output<typeof savePositionInput>;
