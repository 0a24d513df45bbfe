import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, lazy, Suspense, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../api/client";
import { signIn } from "../api/queries";
import { LanguageSwitch } from "../components/LanguageSwitch";
import { Loading } from "../components/StateMessage";
import { useSetupStatus } from "../features/settings/api";

// Only an empty server shows the first run: its form (and the settings texts) load when needed.
const FirstRunForm = lazy(() =>
  import("../features/settings/FirstRunForm").then((m) => ({ default: m.FirstRunForm })),
);

/**
 * Signing in; on a server without any user yet, the first run instead (the organisation and
 * its first owner). Should the server not say, signing in is offered: it explains itself.
 */
export function SignInPage() {
  const setup = useSetupStatus();
  if (setup.isPending)
    return (
      <main id="main" className="sign-in">
        <Loading />
      </main>
    );
  return setup.data?.needed ? (
    <Suspense
      fallback={
        <main id="main" className="sign-in">
          <Loading />
        </main>
      }
    >
      <FirstRunForm />
    </Suspense>
  ) : (
    <SignInForm />
  );
}

function SignInForm() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const emailId = useId();
  const passwordId = useId();
  const errorId = useId();
  const mutation = useMutation({ mutationFn: () => signIn(client, email, password) });
  const error = mutation.error;
  const message =
    error instanceof ApiError && error.code !== "network" && error.detail
      ? error.detail
      : error && t("common.networkError");

  const submit = (event: FormEvent) => {
    event.preventDefault();
    mutation.mutate();
  };

  return (
    <main id="main" className="sign-in">
      <form className="sign-in-card" onSubmit={submit} aria-describedby={message ? errorId : undefined}>
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">
            指
          </span>
          <span className="brand-name">{t("app.name")}</span>
        </div>
        <h1>{t("signIn.title")}</h1>
        <p className="muted">{t("signIn.lead")}</p>
        {message && (
          <p id={errorId} className="form-error" role="alert">
            {message}
          </p>
        )}
        <label htmlFor={emailId}>{t("signIn.email")}</label>
        <input
          id={emailId}
          type="email"
          autoComplete="username"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
        />
        <label htmlFor={passwordId}>{t("signIn.password")}</label>
        <input
          id={passwordId}
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        <button type="submit" className="primary" disabled={mutation.isPending}>
          {mutation.isPending ? t("signIn.submitting") : t("signIn.submit")}
        </button>
        <LanguageSwitch />
      </form>
    </main>
  );
}
