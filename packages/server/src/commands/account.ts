import { defineMessages, type Lang } from "@shihyo/engine";
import { type Actor, isStoreError, type Session, type Store, type User } from "@shihyo/store";
import { hashPassword, verifyPassword } from "../auth/passwords.js";
import type { RequestAuth } from "../auth/requestAuth.js";
import type { ServerConfig } from "../config.js";
import { AppError, AppErrorCode, type ProblemItem } from "../errors/appError.js";
import { EMAIL, MAX_EMAIL_LENGTH, MIN_PASSWORD_LENGTH } from "./firstRun.js";
import { countSignInAttempt } from "./login.js";

const MAX_NAME_LENGTH = 200;
const MAX_PASSWORD_LENGTH = 1024;

export interface AccountChange {
  name?: string | undefined;
  locale?: "ja" | "en" | null | undefined;
}

export const accountMessages = defineMessages({
  en: {
    sessionOnly: () => "Only a person signed in with a password manages an account; an API token has none.",
    nameRequired: () => "Enter your name.",
    nameTooLong: (p: { max: number }) => `Your name may have at most ${p.max} characters.`,
    shortPassword: (p: { min: number }) => `The new password needs at least ${p.min} characters.`,
    longPassword: (p: { max: number }) => `The new password may have at most ${p.max} characters.`,
    wrongPassword: () => "The current password is not right.",
    emailRequired: () => "Enter the new e-mail address.",
    badEmail: (p: { value: string }) => `"${p.value}" is not an e-mail address.`,
    emailTaken: (p: { email: string }) =>
      `Another account already signs in with ${p.email}; choose a different address.`,
  },
  ja: {
    sessionOnly: () =>
      "アカウントを変更できるのはパスワードでサインインした本人だけです。API トークンにはアカウントがありません。",
    nameRequired: () => "お名前を入力してください。",
    nameTooLong: (p: { max: number }) => `お名前は ${p.max} 文字以内にしてください。`,
    shortPassword: (p: { min: number }) => `新しいパスワードは ${p.min} 文字以上にしてください。`,
    longPassword: (p: { max: number }) => `新しいパスワードは ${p.max} 文字以内にしてください。`,
    wrongPassword: () => "現在のパスワードが正しくありません。",
    emailRequired: () => "新しいメールアドレスを入力してください。",
    badEmail: (p: { value: string }) => `「${p.value}」はメールアドレスではありません。`,
    emailTaken: (p: { email: string }) =>
      `${p.email} は別のアカウントがサインインに使っています。別のアドレスを指定してください。`,
  },
});

/** Every problem of an account change, in the caller's language; none when it is fine. */
export function accountProblems(input: AccountChange, lang: Lang): ProblemItem[] {
  const m = accountMessages[lang];
  if (input.name === undefined) return [];
  const name = input.name.trim();
  if (name === "") return [{ path: "body.name", message: m.nameRequired(), code: "required" }];
  if (name.length > MAX_NAME_LENGTH)
    return [{ path: "body.name", message: m.nameTooLong({ max: MAX_NAME_LENGTH }), code: "too_long" }];
  return [];
}

/** The problems of a new password: the same rules as the first run and new members. */
export function newPasswordProblems(password: string, lang: Lang): ProblemItem[] {
  const m = accountMessages[lang];
  if (password.length < MIN_PASSWORD_LENGTH)
    return [
      {
        path: "body.newPassword",
        message: m.shortPassword({ min: MIN_PASSWORD_LENGTH }),
        code: "too_short",
      },
    ];
  if (password.length > MAX_PASSWORD_LENGTH)
    return [
      { path: "body.newPassword", message: m.longPassword({ max: MAX_PASSWORD_LENGTH }), code: "too_long" },
    ];
  return [];
}

/** The problems of a new e-mail address: the first run's rules. */
export function newEmailProblems(email: string, lang: Lang): ProblemItem[] {
  const m = accountMessages[lang];
  const value = email.trim();
  if (value === "") return [{ path: "body.email", message: m.emailRequired(), code: "required" }];
  if (value.length > MAX_EMAIL_LENGTH || !EMAIL.test(value))
    return [{ path: "body.email", message: m.badEmail({ value }), code: "email" }];
  return [];
}

function refuseIfProblems(problems: (lang: Lang) => ProblemItem[]): void {
  if (problems("en").length === 0) return;
  throw new AppError(AppErrorCode.ValidationFailed, {
    detail: (lang) =>
      problems(lang)
        .map((p) => p.message)
        .join(" "),
    errors: problems,
  });
}

/**
 * The signed-in person behind a request. An API token has no password and no sessions, so
 * every account route refuses it (403, reason `session_required`).
 */
export function accountHolder(auth: RequestAuth | null): { actor: Actor; session: Session } {
  if (!auth) throw new AppError(AppErrorCode.Unauthenticated);
  if (auth.via !== "session" || !auth.session || auth.actor.userId === null)
    throw new AppError(AppErrorCode.Forbidden, {
      detail: (lang) => accountMessages[lang].sessionOnly(),
      extensions: { reason: "session_required" },
    });
  return { actor: auth.actor, session: auth.session };
}

/**
 * Checks the signed-in user's current password before an account change. Attempts count
 * against the sign-in limits (per e-mail and per client address), so that a borrowed
 * session cannot be used to guess the password.
 */
async function checkCurrentPassword(options: {
  store: Store;
  config: ServerConfig;
  user: User;
  password: string;
  ip: string;
  /** The body field that holds the password, named in the error. */
  field: string;
}): Promise<void> {
  const { store, config, user, password, ip, field } = options;
  await countSignInAttempt({ store, config, email: user.email, ip });
  const ok = await verifyPassword(await store.getPasswordHash(user.id), password);
  if (!ok)
    throw new AppError(AppErrorCode.ValidationFailed, {
      detail: (lang) => accountMessages[lang].wrongPassword(),
      errors: (lang) => [
        {
          path: `body.${field}`,
          message: accountMessages[lang].wrongPassword(),
          code: "wrong_password",
        },
      ],
      extensions: { reason: "wrong_password" },
    });
}

/** Changes the signed-in user's name and preferred language. */
export async function updateAccount(options: {
  store: Store;
  actor: Actor;
  input: AccountChange;
}): Promise<User> {
  const { store, actor, input } = options;
  refuseIfProblems((lang) => accountProblems(input, lang));
  return store.updateUser(actor, {
    ...(input.name !== undefined ? { name: input.name.trim() } : {}),
    ...(input.locale !== undefined ? { locale: input.locale } : {}),
  });
}

/**
 * Changes the signed-in user's password after checking the current one (counted as a
 * sign-in attempt). Every other session of the user ends;
 * the one that made the change stays. Answers how many ended.
 */
export async function changePassword(options: {
  store: Store;
  config: ServerConfig;
  actor: Actor;
  session: Session;
  currentPassword: string;
  newPassword: string;
  ip: string;
}): Promise<number> {
  const { store, config, actor, session, currentPassword, newPassword, ip } = options;
  refuseIfProblems((lang) => newPasswordProblems(newPassword, lang));
  const user = await store.getUser(session.userId);
  if (!user) throw new AppError(AppErrorCode.Unauthenticated);
  await checkCurrentPassword({
    store,
    config,
    user,
    password: currentPassword,
    ip,
    field: "currentPassword",
  });
  // Hashed outside any transaction: argon2 takes a while and must not hold the database.
  const passwordHash = await hashPassword(newPassword);
  return store.setPassword(actor, { passwordHash, keepSessionId: session.id });
}

/**
 * Changes the signed-in user's e-mail address (trimmed and lower-cased, as sign-in compares
 * it) after checking the current password (counted as a sign-in attempt). An address another
 * user has is refused (409) only after the password: nobody learns who has an account
 * without it. Sessions stay: the person is the same.
 */
export async function changeEmail(options: {
  store: Store;
  config: ServerConfig;
  actor: Actor;
  session: Session;
  email: string;
  password: string;
  ip: string;
}): Promise<User> {
  const { store, config, actor, session, email, password, ip } = options;
  refuseIfProblems((lang) => newEmailProblems(email, lang));
  const user = await store.getUser(session.userId);
  if (!user) throw new AppError(AppErrorCode.Unauthenticated);
  await checkCurrentPassword({ store, config, user, password, ip, field: "password" });
  try {
    return await store.setEmail(actor, email);
  } catch (error) {
    if (!isStoreError(error, "conflict")) throw error;
    const taken = error.params.key;
    throw new AppError(AppErrorCode.Conflict, {
      detail: (lang) => accountMessages[lang].emailTaken({ email: taken }),
      errors: (lang) => [
        {
          path: "body.email",
          message: accountMessages[lang].emailTaken({ email: taken }),
          code: "email_taken",
        },
      ],
      extensions: { reason: "email_taken" },
      cause: error,
    });
  }
}

/** "Sign out everywhere else": ends every session of the user but this one; answers how many. */
export function endOtherSessions(options: { store: Store; actor: Actor; session: Session }): Promise<number> {
  const { store, actor, session } = options;
  return store.deleteOtherSessions(actor, session.id);
}
