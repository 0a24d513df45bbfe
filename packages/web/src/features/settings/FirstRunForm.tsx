import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { useLocation } from "wouter";
import { LanguageSwitch } from "../../components/LanguageSwitch";
import { currentLang, registerTexts } from "../../i18n/setupI18n";
import { setUpFirstOwner } from "./api";
import { FormError } from "./FormMessages";
import { type FirstRunFormProblem, firstRunFormProblems, MIN_PASSWORD_LENGTH } from "./permissions";
import { settingsTexts } from "./texts";

registerTexts("settings", settingsTexts);

const FIELDS = ["organization", "name", "email", "password", "confirmation"] as const;
type Field = (typeof FIELDS)[number];

/**
 * The first run of an empty server: the organisation and its first owner in one form. On
 * success the owner is signed in and lands on the dashboard.
 */
export function FirstRunForm() {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const [, navigate] = useLocation();
  const baseId = useId();
  const errorId = `${baseId}-error`;
  const [values, setValues] = useState<Record<Field, string>>({
    organization: "",
    name: "",
    email: "",
    password: "",
    confirmation: "",
  });
  const [problems, setProblems] = useState<FirstRunFormProblem[]>([]);
  const mutation = useMutation({
    mutationFn: () =>
      setUpFirstOwner(client, {
        organization: { name: values.organization.trim() },
        user: {
          email: values.email.trim(),
          name: values.name.trim(),
          password: values.password,
          locale: currentLang(i18n.language),
        },
      }),
    onSuccess: () => navigate("/"),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = firstRunFormProblems(values);
    setProblems(found);
    if (found.length === 0) mutation.mutate();
  };
  const invalid = (field: Field) =>
    (problems.includes("missing") && field !== "confirmation" && values[field].trim() === "") ||
    (problems.includes("shortPassword") && field === "password") ||
    (problems.includes("mismatch") && field === "confirmation");
  const hasError = problems.length > 0 || mutation.error !== null;

  const input = (field: Field, type: string, autoComplete: string, hint?: string) => (
    <>
      <label htmlFor={`${baseId}-${field}`}>{t(`settings.firstRun.${field}`)}</label>
      <input
        id={`${baseId}-${field}`}
        type={type}
        autoComplete={autoComplete}
        aria-required="true"
        aria-invalid={invalid(field) || undefined}
        aria-describedby={hint ? `${baseId}-${field}-hint` : undefined}
        minLength={type === "password" ? MIN_PASSWORD_LENGTH : undefined}
        value={values[field]}
        onChange={(e) => setValues((v) => ({ ...v, [field]: e.target.value }))}
      />
      {hint && (
        <span id={`${baseId}-${field}-hint`} className="muted field-hint">
          {hint}
        </span>
      )}
    </>
  );

  return (
    <main id="main" className="sign-in">
      <form
        className="sign-in-card"
        onSubmit={submit}
        noValidate
        aria-labelledby={`${baseId}-title`}
        aria-describedby={hasError ? errorId : undefined}
      >
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">
            指
          </span>
          <span className="brand-name">{t("app.name")}</span>
        </div>
        <h1 id={`${baseId}-title`}>{t("settings.firstRun.title")}</h1>
        <p className="muted">{t("settings.firstRun.lead")}</p>
        {problems.length > 0 ? (
          <p id={errorId} className="form-error" role="alert">
            {problems.map((p) => t(`settings.firstRun.${p}`)).join(" ")}
          </p>
        ) : (
          <FormError error={mutation.error} id={errorId} />
        )}
        {input("organization", "text", "organization")}
        {input("name", "text", "name")}
        {input("email", "email", "username")}
        {input("password", "password", "new-password", t("settings.firstRun.passwordHint"))}
        {input("confirmation", "password", "new-password")}
        <button type="submit" className="primary" disabled={mutation.isPending}>
          {mutation.isPending ? t("settings.firstRun.submitting") : t("settings.firstRun.submit")}
        </button>
        <LanguageSwitch />
      </form>
    </main>
  );
}
