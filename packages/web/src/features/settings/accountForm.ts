import { MIN_PASSWORD_LENGTH } from "./permissions";

/** The password form's own checks, before asking the server (which checks the current password). */
export type PasswordFormProblem = "missing" | "shortPassword" | "mismatch";

export interface PasswordFormValues {
  currentPassword: string;
  newPassword: string;
  confirmation: string;
}

export function passwordFormProblems(values: PasswordFormValues): PasswordFormProblem[] {
  if (values.currentPassword === "" || values.newPassword === "" || values.confirmation === "")
    return ["missing"];
  const problems: PasswordFormProblem[] = [];
  if (values.newPassword.length < MIN_PASSWORD_LENGTH) problems.push("shortPassword");
  if (values.confirmation !== values.newPassword) problems.push("mismatch");
  return problems;
}

/** The fields a problem is about, to mark them invalid. */
export function invalidPasswordFields(
  problems: readonly PasswordFormProblem[],
  values: PasswordFormValues,
): (keyof PasswordFormValues)[] {
  const fields = new Set<keyof PasswordFormValues>();
  if (problems.includes("missing"))
    for (const field of ["currentPassword", "newPassword", "confirmation"] as const)
      if (values[field] === "") fields.add(field);
  if (problems.includes("shortPassword")) fields.add("newPassword");
  if (problems.includes("mismatch")) fields.add("confirmation");
  return [...fields];
}

/** What the name and language form would send: only what changed; null when nothing did. */
export function accountChanges(
  saved: { name: string; locale: "ja" | "en" | null },
  form: { name: string; locale: "ja" | "en" | null },
): { name?: string; locale?: "ja" | "en" | null } | null {
  const changes: { name?: string; locale?: "ja" | "en" | null } = {};
  const name = form.name.trim();
  if (name !== saved.name) changes.name = name;
  if (form.locale !== saved.locale) changes.locale = form.locale;
  return Object.keys(changes).length === 0 ? null : changes;
}

/** The e-mail form's own checks, before asking the server (which checks again, and the password). */
export type EmailFormProblem = "missing" | "bad" | "same";

/** The same shape the server accepts: something@something.something, no spaces. */
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

export function emailFormProblems(
  values: { email: string; password: string },
  current: string,
): EmailFormProblem | null {
  const email = values.email.trim();
  if (email === "" || values.password === "") return "missing";
  if (!EMAIL.test(email)) return "bad";
  // Sign-in compares addresses without regard to case: that is still the same one.
  if (email.toLowerCase() === current.toLowerCase()) return "same";
  return null;
}
