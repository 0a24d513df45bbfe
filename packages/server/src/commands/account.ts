import { defineMessages, type Lang } from "@shihyo/engine";
import type { Actor, Session, Store, User } from "@shihyo/store";
import { hashPassword, verifyPassword } from "../auth/passwords.js";
import type { RequestAuth } from "../auth/requestAuth.js";
import type { ServerConfig } from "../config.js";
import { AppError, AppErrorCode, type ProblemItem } from "../errors/appError.js";
import { MIN_PASSWORD_LENGTH } from "./firstRun.js";

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
  },
  ja: {
    sessionOnly: () =>
      "アカウントを変更できるのはパスワードでサインインした本人だけです。API トークンにはアカウントがありません。",
    nameRequired: () => "お名前を入力してください。",
    nameTooLong: (p: { max: number }) => `お名前は ${p.max} 文字以内にしてください。`,
    shortPassword: (p: { min: number }) => `新しいパスワードは ${p.min} 文字以上にしてください。`,
    longPassword: (p: { max: number }) => `新しいパスワードは ${p.max} 文字以内にしてください。`,
    wrongPassword: () => "現在のパスワードが正しくありません。",
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
 * Changes the signed-in user's password after checking the current one. Attempts count
 * against the sign-in limits (per e-mail and per client address), so that a borrowed
 * session cannot be used to guess the password. Every other session of the user ends;
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
  const { maxPerEmail, maxPerIp, windowSeconds } = config.login;
  const [byEmail, byIp] = await Promise.all([
    store.countLoginAttempt(`email:${user.email}`, windowSeconds),
    store.countLoginAttempt(`ip:${ip}`, windowSeconds),
  ]);
  if (byEmail > maxPerEmail || byIp > maxPerIp)
    throw new AppError(AppErrorCode.RateLimited, { headers: { "retry-after": String(windowSeconds) } });
  const ok = await verifyPassword(await store.getPasswordHash(user.id), currentPassword);
  if (!ok)
    throw new AppError(AppErrorCode.ValidationFailed, {
      detail: (lang) => accountMessages[lang].wrongPassword(),
      errors: (lang) => [
        {
          path: "body.currentPassword",
          message: accountMessages[lang].wrongPassword(),
          code: "wrong_password",
        },
      ],
      extensions: { reason: "wrong_password" },
    });
  // Hashed outside any transaction: argon2 takes a while and must not hold the database.
  const passwordHash = await hashPassword(newPassword);
  return store.setPassword(actor, { passwordHash, keepSessionId: session.id });
}

/** "Sign out everywhere else": ends every session of the user but this one; answers how many. */
export function endOtherSessions(options: { store: Store; actor: Actor; session: Session }): Promise<number> {
  const { store, actor, session } = options;
  return store.deleteOtherSessions(actor, session.id);
}
