import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../api/client";

/** Loading text, announced politely to screen readers. */
export function Loading() {
  const { t } = useTranslation();
  return (
    <p className="state-message" role="status">
      {t("common.loading")}
    </p>
  );
}

/** An empty state: what is missing and, where it helps, what to do. */
export function Empty({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="state-message empty">
      <p className="empty-title">{title}</p>
      {children && <p>{children}</p>}
    </div>
  );
}

/** A failed load: the server's message (in the user's language) and a retry button. */
export function LoadError({ error, onRetry }: { error: Error; onRetry?: () => void }) {
  const { t } = useTranslation();
  const detail =
    error instanceof ApiError ? (error.code === "network" ? t("common.networkError") : error.detail) : null;
  return (
    <div className="state-message error" role="alert">
      <p>{t("common.loadFailed")}</p>
      {detail && <p>{detail}</p>}
      {onRetry && (
        <button type="button" onClick={onRetry}>
          {t("common.retry")}
        </button>
      )}
    </div>
  );
}
