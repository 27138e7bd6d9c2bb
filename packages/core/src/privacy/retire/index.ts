export { listRetirements } from "./admin";
export { cancelAccountDeletion, myAccountDeletion } from "./cancel";
export { DEFAULT_GRACE_DAYS, RETIRED_NAME } from "./config";
export { enqueueDueRetirements } from "./due";
export {
  type PasswordCheck,
  type RequestDeletionInput,
  requestAccountDeletion,
  requestDeletionInput,
} from "./request";
export { type RetirementHooks, type RetirementOutcome, runRetirement } from "./run";
export { RETIREMENT_STEPS } from "./steps";
export type { AccountDeletionView, RetirementAdminView } from "./view";
