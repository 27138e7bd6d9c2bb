import { z } from "zod";

/** What `pnpm dev` reads from the environment, parsed once; everything else has a default. */
export const devEnvSchema = z.object({
  /** Use this Postgres instead of the embedded PGlite. */
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  LUMEN_PGLITE_PORT: z.coerce.number().int().min(1).max(65_535).default(54_329),
  /** Long enough for a cold first start (wrangler bundles the Worker, Vite optimizes deps). */
  LUMEN_DEV_READY_TIMEOUT_MS: z.coerce.number().int().positive().default(120_000),
});
export type DevEnv = z.infer<typeof devEnvSchema>;

export function parseDevEnv(source: NodeJS.ProcessEnv): DevEnv {
  const parsed = devEnvSchema.safeParse(source);
  if (!parsed.success) throw new Error(`Invalid environment:\n${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

export const PORTS = { api: 3000, web: 5173, edge: 8787, smtp: 1025, mail: 1080 } as const;
export const WEB_URL = `http://localhost:${PORTS.web}`;
export const API_URL = `http://127.0.0.1:${PORTS.api}`;
export const EDGE_URL = `http://127.0.0.1:${PORTS.edge}`;
/** maildev: catches every mail the API sends (SMTP_URL's development default) and shows it. */
export const SMTP_URL = `smtp://127.0.0.1:${PORTS.smtp}`;
export const MAIL_URL = `http://127.0.0.1:${PORTS.mail}`;
/** Public on purpose: only ever used by `pnpm dev`; production requires its own. */
export const DEV_AUTH_SECRET = "lumen-dev-only-auth-secret-not-for-production";
