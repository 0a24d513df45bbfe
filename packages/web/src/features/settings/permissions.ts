import type { Role } from "../../api/types";

/**
 * What the signed-in role may do on the settings page: the same rules the server enforces
 * (its answer stays the judge), so that the page hides what would only be refused.
 */

/** Highest first, as the server ranks them. */
export const ROLES: readonly Role[] = ["owner", "admin", "editor", "viewer"];

const RANK: Readonly<Record<Role, number>> = { owner: 3, admin: 2, editor: 1, viewer: 0 };

export function roleAtLeast(role: Role, min: Role): boolean {
  return RANK[role] >= RANK[min];
}

/** Only owners rename the organisation. */
export const mayRenameOrganization = (role: Role): boolean => role === "owner";

/** Admins and owners add, change and remove members, and manage API tokens. */
export const mayAdminister = (role: Role): boolean => roleAtLeast(role, "admin");

/** The roles someone may hand out (to a member or a token): their own and those below it. */
export function grantableRoles(role: Role): Role[] {
  return ROLES.filter((r) => roleAtLeast(role, r));
}

/** Why a member's row cannot be changed by the signed-in user; null when it can. */
export type MemberLock = "role" | "yourself" | "above" | null;

export function memberLock(
  me: { userId: string | null; role: Role },
  member: { userId: string; role: Role },
): MemberLock {
  if (!mayAdminister(me.role)) return "role";
  if (member.userId === me.userId) return "yourself";
  if (!roleAtLeast(me.role, member.role)) return "above";
  return null;
}

/** The first-run form's own checks (the server checks again, and the e-mail's form). */
export type FirstRunFormProblem = "missing" | "shortPassword" | "mismatch";

export const MIN_PASSWORD_LENGTH = 8;

export function firstRunFormProblems(values: {
  organization: string;
  name: string;
  email: string;
  password: string;
  confirmation: string;
}): FirstRunFormProblem[] {
  const problems: FirstRunFormProblem[] = [];
  if ([values.organization, values.name, values.email, values.password].some((v) => v.trim() === ""))
    problems.push("missing");
  else if (values.password.length < MIN_PASSWORD_LENGTH) problems.push("shortPassword");
  if (values.password !== "" && values.confirmation !== values.password) problems.push("mismatch");
  return problems;
}
