import { type FormEvent, useEffect, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Session } from "../../api/types";
import { LANGS } from "../../i18n/catalog";
import { changeLanguage } from "../../i18n/setupI18n";
import {
  accountChanges,
  type EmailFormProblem,
  emailFormProblems,
  invalidPasswordFields,
  type PasswordFormProblem,
  type PasswordFormValues,
  passwordFormProblems,
} from "./accountForm";
import { useChangeEmail, useChangePassword, useEndOtherSessions, useUpdateAccount } from "./api";
import { Done, FormError } from "./FormMessages";
import { MIN_PASSWORD_LENGTH } from "./permissions";

type User = NonNullable<Session["user"]>;

/**
 * The signed-in person's own account: name and language, e-mail, password, and signing out
 * on every other device. A caller with an API token (no user) only reads why there is nothing.
 */
export function AccountSection({ id, session }: { id: string; session: Session }) {
  const { t } = useTranslation();
  const user = session.via === "session" ? session.user : null;
  return (
    <section id={id} aria-labelledby={`${id}-title`} className="settings-section">
      <h2 id={`${id}-title`}>{t("settings.account.title")}</h2>
      {user ? (
        <>
          <p className="muted">{t("settings.account.lead")}</p>
          <dl className="settings-facts">
            <dt>{t("settings.account.email")}</dt>
            <dd>{user.email}</dd>
          </dl>
          <ProfileForm user={user} />
          <EmailForm current={user.email} />
          <PasswordForm />
          <OtherSessions />
        </>
      ) : (
        <p className="settings-why">{t("settings.account.tokenOnly")}</p>
      )}
    </section>
  );
}

const BROWSER = "browser";

function ProfileForm({ user }: { user: User }) {
  const { t } = useTranslation();
  const update = useUpdateAccount();
  const baseId = useId();
  const [name, setName] = useState(user.name);
  const [locale, setLocale] = useState<User["locale"]>(user.locale);
  const [nameMissing, setNameMissing] = useState(false);
  useEffect(() => {
    setName(user.name);
    setLocale(user.locale);
  }, [user.name, user.locale]);
  const changes = accountChanges(user, { name, locale });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const missing = name.trim() === "";
    setNameMissing(missing);
    if (missing || !changes) return;
    update.mutate(changes, {
      // The new language applies at once, so the confirmation already reads in it.
      onSuccess: (session) => {
        if (session.user?.locale) changeLanguage(session.user.locale);
      },
    });
  };

  return (
    <form className="settings-form" onSubmit={submit} noValidate aria-labelledby={`${baseId}-title`}>
      <h3 id={`${baseId}-title`}>{t("settings.account.profile")}</h3>
      <div className="settings-fields">
        <label htmlFor={`${baseId}-name`}>{t("settings.account.name")}</label>
        <input
          id={`${baseId}-name`}
          autoComplete="name"
          maxLength={200}
          aria-required="true"
          aria-invalid={nameMissing || undefined}
          aria-describedby={nameMissing ? `${baseId}-name-error` : undefined}
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
        <label htmlFor={`${baseId}-locale`}>{t("settings.account.locale")}</label>
        <div>
          <select
            id={`${baseId}-locale`}
            aria-describedby={`${baseId}-locale-hint`}
            value={locale ?? BROWSER}
            onChange={(e) => setLocale(e.target.value === BROWSER ? null : (e.target.value as "ja" | "en"))}
          >
            {LANGS.map((l) => (
              <option key={l} value={l} lang={l}>
                {t(`language.${l}`)}
              </option>
            ))}
            <option value={BROWSER}>{t("settings.account.localeBrowser")}</option>
          </select>
          <p id={`${baseId}-locale-hint`} className="muted field-hint">
            {t("settings.account.localeHint")}
          </p>
        </div>
      </div>
      {nameMissing && (
        <p id={`${baseId}-name-error`} className="form-error" role="alert">
          {t("settings.account.nameMissing")}
        </p>
      )}
      <FormError error={update.error} />
      <button type="submit" className="primary" disabled={update.isPending || changes === null}>
        {update.isPending ? t("settings.saving") : t("settings.account.save")}
      </button>
      <Done text={update.isSuccess && changes === null ? t("settings.account.saved") : null} />
    </form>
  );
}

/** The e-mail address one signs in with; the current password confirms that it is the owner asking. */
function EmailForm({ current }: { current: string }) {
  const { t } = useTranslation();
  const change = useChangeEmail();
  const baseId = useId();
  const errorId = `${baseId}-error`;
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [problem, setProblem] = useState<EmailFormProblem | null>(null);
  const [changedTo, setChangedTo] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = emailFormProblems({ email, password }, current);
    setProblem(found);
    setChangedTo(null);
    change.reset();
    if (found) return;
    change.mutate(
      { email: email.trim(), password },
      {
        onSuccess: (session) => {
          setChangedTo(session.user?.email ?? email.trim());
          setEmail("");
          setPassword("");
        },
      },
    );
  };
  const fieldsInvalid = {
    email: problem === "bad" || problem === "same" || (problem === "missing" && email.trim() === ""),
    password: problem === "missing" && password === "",
  };
  const hasError = problem !== null || change.error !== null;

  return (
    <form
      className="settings-form"
      onSubmit={submit}
      noValidate
      aria-labelledby={`${baseId}-title`}
      aria-describedby={hasError ? errorId : undefined}
    >
      <h3 id={`${baseId}-title`}>{t("settings.account.emailTitle")}</h3>
      <div className="settings-fields">
        <label htmlFor={`${baseId}-email`}>{t("settings.account.newEmail")}</label>
        <input
          id={`${baseId}-email`}
          type="email"
          autoComplete="email"
          required
          maxLength={320}
          aria-invalid={fieldsInvalid.email || undefined}
          value={email}
          onChange={(e) => setEmail(e.target.value)}
        />
        <PasswordField
          id={`${baseId}-password`}
          label={t("settings.account.emailPassword")}
          hint={t("settings.account.emailPasswordHint")}
          autoComplete="current-password"
          invalid={fieldsInvalid.password}
          minLength={undefined}
          value={password}
          onChange={setPassword}
        />
      </div>
      {problem ? (
        <p id={errorId} className="form-error" role="alert">
          {t(`settings.account.${EMAIL_PROBLEM_TEXTS[problem]}`)}
        </p>
      ) : (
        <FormError error={change.error} id={errorId} />
      )}
      <button type="submit" className="primary" disabled={change.isPending}>
        {change.isPending ? t("settings.account.changing") : t("settings.account.changeEmail")}
      </button>
      <Done text={changedTo ? t("settings.account.emailChanged", { email: changedTo }) : null} />
    </form>
  );
}

const EMAIL_PROBLEM_TEXTS = { missing: "emailMissing", bad: "emailBad", same: "emailSame" } as const;

const PASSWORD_FIELDS = [
  ["currentPassword", "current-password"],
  ["newPassword", "new-password"],
  ["confirmation", "new-password"],
] as const;
const EMPTY: PasswordFormValues = { currentPassword: "", newPassword: "", confirmation: "" };

function PasswordForm() {
  const { t } = useTranslation();
  const change = useChangePassword();
  const baseId = useId();
  const errorId = `${baseId}-error`;
  const [values, setValues] = useState<PasswordFormValues>(EMPTY);
  const [problems, setProblems] = useState<PasswordFormProblem[]>([]);
  const invalid = new Set(invalidPasswordFields(problems, values));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = passwordFormProblems(values);
    setProblems(found);
    change.reset();
    if (found.length > 0) return;
    change.mutate(
      { currentPassword: values.currentPassword, newPassword: values.newPassword },
      { onSuccess: () => setValues(EMPTY) },
    );
  };
  const hasError = problems.length > 0 || change.error !== null;

  return (
    <form
      className="settings-form"
      onSubmit={submit}
      noValidate
      aria-labelledby={`${baseId}-title`}
      aria-describedby={hasError ? errorId : undefined}
    >
      <h3 id={`${baseId}-title`}>{t("settings.account.password")}</h3>
      <div className="settings-fields">
        {PASSWORD_FIELDS.map(([field, autoComplete]) => (
          <PasswordField
            key={field}
            id={`${baseId}-${field}`}
            label={t(`settings.account.${field}`)}
            hint={field === "newPassword" ? t("settings.account.newPasswordHint") : undefined}
            autoComplete={autoComplete}
            invalid={invalid.has(field)}
            minLength={field === "currentPassword" ? undefined : MIN_PASSWORD_LENGTH}
            value={values[field]}
            onChange={(value) => setValues((v) => ({ ...v, [field]: value }))}
          />
        ))}
      </div>
      {problems.length > 0 ? (
        <p id={errorId} className="form-error" role="alert">
          {problems.map((p) => t(`settings.account.${p}`)).join(" ")}
        </p>
      ) : (
        <FormError error={change.error} id={errorId} />
      )}
      <button type="submit" className="primary" disabled={change.isPending}>
        {change.isPending ? t("settings.account.changing") : t("settings.account.changePassword")}
      </button>
      <Done text={change.isSuccess ? t("settings.account.passwordChanged") : null} />
    </form>
  );
}

function PasswordField(props: {
  id: string;
  label: string;
  hint: string | undefined;
  autoComplete: string;
  invalid: boolean;
  minLength: number | undefined;
  value: string;
  onChange: (value: string) => void;
}) {
  const hintId = `${props.id}-hint`;
  return (
    <>
      <label htmlFor={props.id}>{props.label}</label>
      <div>
        <input
          id={props.id}
          type="password"
          autoComplete={props.autoComplete}
          required
          aria-invalid={props.invalid || undefined}
          aria-describedby={props.hint ? hintId : undefined}
          minLength={props.minLength}
          maxLength={1024}
          value={props.value}
          onChange={(e) => props.onChange(e.target.value)}
        />
        {props.hint && (
          <p id={hintId} className="muted field-hint">
            {props.hint}
          </p>
        )}
      </div>
    </>
  );
}

function OtherSessions() {
  const { t } = useTranslation();
  const end = useEndOtherSessions();
  const done =
    end.data === undefined
      ? null
      : end.data.ended === 0
        ? t("settings.account.endedNone")
        : t("settings.account.endedSome", { count: end.data.ended });
  return (
    <div className="account-sessions">
      <h3>{t("settings.account.sessions")}</h3>
      <p className="muted">{t("settings.account.sessionsLead")}</p>
      <button type="button" disabled={end.isPending} onClick={() => end.mutate()}>
        {end.isPending ? t("settings.account.ending") : t("settings.account.endOthers")}
      </button>
      <FormError error={end.error} />
      <Done text={done} />
    </div>
  );
}
