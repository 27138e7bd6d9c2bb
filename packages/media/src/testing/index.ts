export * from "./clips";
export * from "./ffmpeg";
export * from "./mpegts";
export * from "./transcode";
