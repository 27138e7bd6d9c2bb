/**
 * Privacy (issue 16): the registry of every table's personal data (what an export takes,
 * what deletion will do) and the self-service data export built from it.
 */

export { collectExport, writeExportArchive } from "./archive";
export { AREA_TEXT, EXPORT_AREAS } from "./areas";
export {
  type ConsentInput,
  type ConsentView,
  consentInput,
  listConsents,
  recordConsent,
  withdrawConsent,
} from "./consents";
export { type DownloadChannel, type ExportDownload, openExportDownload } from "./download";
export { expireDataExports } from "./expire";
export {
  EXPORT_LINK_TTL_MS,
  type ExportLinkQuery,
  exportLinkQuery,
  type SignedExportLink,
  signExportLink,
} from "./link";
export { PRIVACY_REGISTRY } from "./registry";
export { listExports, requestExport } from "./request";
export {
  type AccountDeletionView,
  cancelAccountDeletion,
  DEFAULT_GRACE_DAYS,
  enqueueDueRetirements,
  listRetirements,
  myAccountDeletion,
  type PasswordCheck,
  RETIRED_NAME,
  RETIREMENT_STEPS,
  type RequestDeletionInput,
  type RetirementAdminView,
  type RetirementHooks,
  type RetirementOutcome,
  requestAccountDeletion,
  requestDeletionInput,
  runRetirement,
} from "./retire";
export { type ExportRunLogger, runExport } from "./run";
export {
  exportEmailLinks,
  openSignedExportDownload,
  type SignedExportDownload,
} from "./signed-download";
export type { EraseRule, ExportArea, ExportRule, RegistryEntry } from "./types";
export { type DataExportView, EXPORT_NOT_FOUND, EXPORT_TTL_MS } from "./view";
