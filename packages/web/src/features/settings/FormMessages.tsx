import { useTranslation } from "react-i18next";
import { ApiError } from "../../api/client";

/** A refused write: the server's message, in the user's language; a network failure in ours. */
export function FormError({ error, id }: { error: Error | null; id?: string }) {
  const { t } = useTranslation();
  if (!error) return null;
  const text =
    error instanceof ApiError && error.code !== "network" && error.detail
      ? error.detail
      : t("common.networkError");
  return (
    <p id={id} className="form-error" role="alert">
      {text}
    </p>
  );
}

/** What a write did, announced politely. Always rendered, so that screen readers hear changes. */
export function Done({ text }: { text: string | null }) {
  return (
    <p className="settings-done" role="status">
      {text}
    </p>
  );
}
