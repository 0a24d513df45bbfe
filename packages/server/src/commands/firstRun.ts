import { defineMessages, type Lang } from "@shihyo/engine";
import type { Organization, Session, Store, User } from "@shihyo/store";
import { hashPassword } from "../auth/passwords.js";
import type { ServerConfig } from "../config.js";
import { AppError, AppErrorCode, type ProblemItem } from "../errors/appError.js";

/** The same minimum as `shihyo admin create-user` and new members. */
export const MIN_PASSWORD_LENGTH = 8;
const MAX_PASSWORD_LENGTH = 1024;
const MAX_NAME_LENGTH = 200;
export const MAX_EMAIL_LENGTH = 320;
const SLUG = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
/** What the first run, and a change of e-mail, accept as an e-mail address. */
export const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

export interface FirstRunInput {
  organization: { name: string; slug?: string | undefined };
  user: { email: string; name: string; password: string; locale?: "ja" | "en" | undefined };
}

export const firstRunMessages = defineMessages({
  en: {
    alreadySetUp: () => "This server is already set up: sign in with your account.",
    required: (p: { field: string }) => `Enter ${p.field}.`,
    tooLong: (p: { field: string; max: number }) => `${p.field} may have at most ${p.max} characters.`,
    badEmail: (p: { value: string }) => `"${p.value}" is not an e-mail address.`,
    shortPassword: (p: { min: number }) => `The password needs at least ${p.min} characters.`,
    badSlug: (p: { value: string }) =>
      `"${p.value}" cannot be a slug: lower-case letters, digits and hyphens, at most 63.`,
    organizationName: () => "the organisation's name",
    userName: () => "your name",
    email: () => "an e-mail address",
    password: () => "a password",
  },
  ja: {
    alreadySetUp: () => "このサーバーは初期設定済みです。アカウントでサインインしてください。",
    required: (p: { field: string }) => `${p.field}を入力してください。`,
    tooLong: (p: { field: string; max: number }) => `${p.field}は ${p.max} 文字以内にしてください。`,
    badEmail: (p: { value: string }) => `「${p.value}」はメールアドレスではありません。`,
    shortPassword: (p: { min: number }) => `パスワードは ${p.min} 文字以上にしてください。`,
    badSlug: (p: { value: string }) =>
      `「${p.value}」はスラッグにできません。英小文字・数字・ハイフンで 63 文字以内にしてください。`,
    organizationName: () => "組織名",
    userName: () => "お名前",
    email: () => "メールアドレス",
    password: () => "パスワード",
  },
});

/** Every problem of a first-run request, in the caller's language; none when it is fine. */
export function firstRunProblems(input: FirstRunInput, lang: Lang): ProblemItem[] {
  const m = firstRunMessages[lang];
  const problems: ProblemItem[] = [];
  const text = (path: string, value: string, field: string) => {
    if (value.trim() === "") problems.push({ path, message: m.required({ field }), code: "required" });
    else if (value.length > MAX_NAME_LENGTH)
      problems.push({ path, message: m.tooLong({ field, max: MAX_NAME_LENGTH }), code: "too_long" });
  };
  text("body.organization.name", input.organization.name, m.organizationName());
  const { slug } = input.organization;
  if (slug !== undefined && !SLUG.test(slug))
    problems.push({ path: "body.organization.slug", message: m.badSlug({ value: slug }), code: "slug" });
  text("body.user.name", input.user.name, m.userName());
  const email = input.user.email.trim();
  if (email === "")
    problems.push({ path: "body.user.email", message: m.required({ field: m.email() }), code: "required" });
  else if (email.length > MAX_EMAIL_LENGTH || !EMAIL.test(email))
    problems.push({ path: "body.user.email", message: m.badEmail({ value: email }), code: "email" });
  const { password } = input.user;
  if (password.length < MIN_PASSWORD_LENGTH)
    problems.push({
      path: "body.user.password",
      message: m.shortPassword({ min: MIN_PASSWORD_LENGTH }),
      code: "too_short",
    });
  else if (password.length > MAX_PASSWORD_LENGTH)
    problems.push({
      path: "body.user.password",
      message: m.tooLong({ field: m.password(), max: MAX_PASSWORD_LENGTH }),
      code: "too_long",
    });
  return problems;
}

/**
 * A slug for an organisation's name: ASCII letters and digits kept, everything else a hyphen.
 * A name with none of them (e.g. all Japanese) gets "org".
 */
export function slugFromName(name: string): string {
  const slug = name
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .slice(0, 40)
    .replace(/^-+|-+$/g, "");
  return slug === "" ? "org" : slug;
}

/** The derived slug, or the first of `slug-2`, `slug-3`… no organisation has yet. */
async function freeSlug(store: Store, base: string): Promise<string> {
  for (let n = 1; ; n++) {
    const slug = n === 1 ? base : `${base}-${n}`;
    if (!(await store.getOrganizationBySlug(slug))) return slug;
  }
}

const alreadySetUp = () =>
  new AppError(AppErrorCode.Conflict, {
    detail: (lang) => firstRunMessages[lang].alreadySetUp(),
    extensions: { reason: "already_set_up" },
  });

/** Whether the server still waits for its first owner (the database has no user at all). */
export async function firstRunNeeded(store: Store): Promise<boolean> {
  return (await store.countUsers()) === 0;
}

/**
 * The first run of an empty server: creates the organisation and its owner and signs the
 * owner in. Refused (409) as soon as the database has any user, so it works exactly once.
 */
export async function setUpFirstOwner(options: {
  store: Store;
  config: ServerConfig;
  input: FirstRunInput;
}): Promise<{ session: Session; user: User; organization: Organization }> {
  const { store, config, input } = options;
  // Checked before the password is hashed: argon2 is slow, and anyone may call this.
  if (!(await firstRunNeeded(store))) throw alreadySetUp();
  const problems = firstRunProblems(input, "en");
  if (problems.length > 0)
    throw new AppError(AppErrorCode.ValidationFailed, {
      detail: (lang) =>
        firstRunProblems(input, lang)
          .map((p) => p.message)
          .join(" "),
      errors: (lang) => firstRunProblems(input, lang),
    });
  const passwordHash = await hashPassword(input.user.password);
  const name = input.organization.name.trim();
  const slug = input.organization.slug ?? (await freeSlug(store, slugFromName(name)));
  const created = await store.createFirstOwner({
    organization: { slug, name },
    user: {
      email: input.user.email.trim(),
      name: input.user.name.trim(),
      passwordHash,
      locale: input.user.locale ?? null,
    },
  });
  if (!created) throw alreadySetUp();
  const session = await store.createSession({
    userId: created.user.id,
    orgId: created.organization.id,
    ttlSeconds: config.sessionTtlSeconds,
  });
  return { session, ...created };
}
