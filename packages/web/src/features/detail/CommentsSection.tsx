import { useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../api/client";
import { Empty, LoadError, Loading } from "../../components/StateMessage";
import { currentLang } from "../../i18n/setupI18n";
import { addComment, useComments, useMembers } from "./api";

/** What people said about this node, and a box to add to it. */
export function CommentsSection({
  planId,
  nodeId,
  canEdit,
  csrfToken,
}: {
  planId: string;
  nodeId: string;
  canEdit: boolean;
  csrfToken: string | null;
}) {
  const { t, i18n } = useTranslation();
  const lang = currentLang(i18n.language);
  const client = useQueryClient();
  const id = useId();
  const comments = useComments(planId, nodeId);
  const members = useMembers();
  const names = new Map((members.data ?? []).map((m) => [m.userId, m.name || m.email]));
  const [body, setBody] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const when = new Intl.DateTimeFormat(lang === "ja" ? "ja-JP" : "en-US", {
    dateStyle: "medium",
    timeStyle: "short",
  });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (body.trim() === "") {
      setError(t("detail.comments.required"));
      document.getElementById(id)?.focus();
      return;
    }
    setSending(true);
    setError(null);
    try {
      await addComment({ planId, nodeId, body: body.trim(), csrfToken });
      setBody("");
      await client.invalidateQueries({ queryKey: ["comments", planId, nodeId] });
    } catch (caught) {
      setError(caught instanceof ApiError && caught.detail ? caught.detail : t("common.loadFailed"));
    } finally {
      setSending(false);
    }
  };

  return (
    <section className="detail-section" aria-labelledby="detail-comments-heading">
      <h2 id="detail-comments-heading">{t("detail.comments.heading")}</h2>
      {comments.error ? (
        <LoadError error={comments.error} onRetry={() => void comments.refetch()} />
      ) : comments.isPending ? (
        <Loading />
      ) : comments.data.length === 0 ? (
        <Empty title={t("detail.comments.empty")} />
      ) : (
        <ul className="comment-list">
          {comments.data.map((c) => (
            <li key={c.id} className="comment">
              <p className="comment-meta muted">
                <span>{(c.userId && names.get(c.userId)) ?? "—"}</span>{" "}
                <time dateTime={c.createdAt}>{when.format(new Date(c.createdAt))}</time>
              </p>
              <p className="comment-body">{c.body}</p>
            </li>
          ))}
        </ul>
      )}
      {canEdit ? (
        <form className="comment-form" onSubmit={submit} noValidate>
          <label htmlFor={id}>{t("detail.comments.label")}</label>
          <textarea
            id={id}
            rows={3}
            maxLength={10_000}
            value={body}
            onChange={(e) => setBody(e.target.value)}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-error` : undefined}
          />
          {error && (
            <p className="field-error" id={`${id}-error`} role="alert">
              {error}
            </p>
          )}
          <button type="submit" className="primary" disabled={sending}>
            {sending ? t("detail.comments.submitting") : t("detail.comments.submit")}
          </button>
        </form>
      ) : (
        <p className="muted">{t("detail.comments.viewerOnly")}</p>
      )}
    </section>
  );
}
