import { createDatabase, databaseConfigFromEnv, migrate } from "@lumen/db";
import { createJobQueue, openOutbox, startCapabilityHeartbeat, startJobRunner } from "@lumen/jobs";
import { type FfmpegConfig, resolveFfmpeg } from "@lumen/media";
import { createSearchBackend } from "@lumen/search";
import { loadEnvOrExit, warnAboutDeprecatedEnv } from "../boot";
import { createLogger } from "../logger";
import { createMediaContext } from "../media";
import { onShutdown } from "../shutdown";
import { CertificateIssuerError, loadCertificateIssuer } from "./credential-issuer";
import { checkGradingCapability } from "./grading-capability";
import { jobHandlers } from "./handlers";
import { checkVideoCapability } from "./video-capability";

// The job runner: a second entry point over the same database and code as the API.
const env = loadEnvOrExit();
const logger = createLogger({ level: env.LOG_LEVEL, base: { service: "jobs" } });
warnAboutDeprecatedEnv(env, logger);
// The FFmpeg self-test (a few seconds) runs while the database is prepared.
const videoCheck = checkVideoCapability({ resolved: resolveFfmpegOrExit(), logger });
const gradingCheck = checkGradingCapability({ logger });
const certificateIssuer = await loadCertificateIssuerOrExit();
const database = createDatabase(databaseConfigFromEnv(env));
await migrate(database);
const outbox = await openOutbox(database.connection);
const video = await videoCheck;
const grading = await gradingCheck;
// Tells the API (the lesson editor, exercise pages) whether any live runner can process video
// or grade code, and why not.
const capabilities = await startCapabilityHeartbeat({
  db: database.db,
  reports: [video.report, grading.report],
  onError: (err) => logger.warn("capability heartbeat failed", { err }),
});
const runner = await startJobRunner({
  queue: createJobQueue(database.connection),
  handlers: jobHandlers({
    db: database.db,
    env,
    logger,
    search: createSearchBackend(database.db, env),
    outbox,
    media: createMediaContext(env),
    ffmpeg: video.ffmpeg,
    grading: grading.available,
    certificateIssuer,
  }),
  logger,
});

onShutdown(
  logger,
  async () => {
    await runner.stop();
    await capabilities.stop();
    await outbox.close();
    await database.close();
  },
  35_000,
);

/**
 * The FFmpeg this runner would use, or why there is none. A runner without one still serves
 * every other queue (search indexing, purges) and leaves video jobs to runners that have it.
 * A bad explicit FFMPEG_PATH is a configuration error and stops the process.
 */
function resolveFfmpegOrExit(): { ffmpeg: FfmpegConfig } | { missing: string } {
  try {
    return {
      ffmpeg: resolveFfmpeg({ ffmpegPath: env.FFMPEG_PATH, ffprobePath: env.FFPROBE_PATH }),
    };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (env.FFMPEG_PATH || env.FFPROBE_PATH) {
      logger.error(message);
      process.exit(1);
    }
    return { missing: message };
  }
}

/** A signing key that cannot be used is a configuration error: say which, and stop. */
async function loadCertificateIssuerOrExit() {
  try {
    return await loadCertificateIssuer(env);
  } catch (error) {
    if (!(error instanceof CertificateIssuerError)) throw error;
    logger.error(error.message);
    process.exit(1);
  }
}
