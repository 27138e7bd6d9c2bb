import type { FilePurpose } from "@lumen/media-tokens";
import type { PgTable } from "drizzle-orm/pg-core";
import type { Database } from "../kernel";

/** One JSON file of the export, by subject (README.md explains each). */
export type ExportArea =
  | "profile"
  | "enrollments"
  | "progress"
  | "quiz-attempts"
  | "exercise-submissions"
  | "assignments"
  | "forum"
  | "ratings"
  | "notifications"
  | "certificates"
  | "api-keys"
  | "webhooks"
  | "email-preferences"
  | "consents"
  | "teaching"
  | "exports";

export type ExportRow = Record<string, unknown>;

/** A stored file that belongs in the archive, and where it goes there. */
export interface ExportFile {
  file: { purpose: FilePurpose; id: string };
  /** Path inside the zip, under `files/`. */
  path: string;
}

export type ExportRule =
  | {
      area: ExportArea;
      /** Only the user's rows, without other people's identities or any secret. */
      select: (db: Database, userId: string) => Promise<ExportRow[]>;
      /** Uploaded files these rows point at (certificate PDFs, attachments, images). */
      files?: (rows: ExportRow[]) => ExportFile[];
    }
  | { exempt: string };

/**
 * What the retirement job (retire/steps/) does with a user's rows in this table: delete them,
 * anonymise some columns (cleared, or the row stays with the tombstone), or keep them for a
 * reason. The retirement tests check the outcome per store.
 */
export type EraseRule =
  | { delete: string }
  | { anonymise: readonly string[]; reason: string }
  | { keep: string };

export interface RegistryEntry {
  table: PgTable;
  export: ExportRule;
  erase: EraseRule;
}
