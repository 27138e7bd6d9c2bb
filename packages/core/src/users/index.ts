/** Accounts as the domain sees them: loading the actor, and role changes by admins. */
export { changeUserRole, setUserRole } from "./change-role";
export { type ChangeRoleInput, changeRoleInput } from "./inputs";
export { loadSessionUser } from "./load-user";
