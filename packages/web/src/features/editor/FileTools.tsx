import { formatKpiFileError, type Plan, parseKpiFile } from "@shihyo/engine";
import { useQueryClient } from "@tanstack/react-query";
import { type ChangeEvent, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../api/client";
import type { PlanAndPeriod } from "../../app/usePlanAndPeriod";
import { currentLang } from "../../i18n/setupI18n";
import { createPlanFromFile, type EditablePlan, exportUrl, PlanFileError, savePlan } from "./api";
import { diffPlans, isEmptyDiff, type PlanDiff } from "./diffPlans";

const ACCEPT = ".yaml,.yml,.json,application/yaml,application/json,text/yaml";

/** A chosen KPI file, read and checked in the browser before anything is sent. */
type Chosen =
  | { ok: true; name: string; text: string; format: "yaml" | "json"; plan: Plan }
  | { ok: false; name: string; errors: string[] };

async function readChosen(file: File, lang: "ja" | "en"): Promise<Chosen> {
  const text = await file.text();
  const format = /\.json$/i.test(file.name) || text.trimStart().startsWith("{") ? "json" : "yaml";
  const parsed = parseKpiFile(text, { fileName: file.name, format });
  if (!parsed.ok)
    return { ok: false, name: file.name, errors: parsed.errors.map((e) => formatKpiFileError(e, lang)) };
  return { ok: true, name: file.name, text, format, plan: parsed.plan };
}

function serverErrors(error: unknown, fallback: string, network: string): string[] {
  if (error instanceof PlanFileError && error.items.length > 0)
    return [
      ...(error.detail ? [error.detail] : []),
      ...error.items.map((i) =>
        i.line ? `${i.line}:${i.column ?? 1}: ${i.path}: ${i.message}` : `${i.path}: ${i.message}`,
      ),
    ];
  if (error instanceof ApiError) return [error.code === "network" ? network : (error.detail ?? fallback)];
  return [fallback];
}

/** Export the plan; replace it by an uploaded file after a preview of what changes. */
export function FileTools(props: {
  planId: string;
  base: EditablePlan;
  dirty: boolean;
  canEdit: boolean;
  csrfToken: string | null;
  onReplaced: () => Promise<void>;
  onConflict: () => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = currentLang(i18n.language);
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [chosen, setChosen] = useState<Chosen | null>(null);
  const [errors, setErrors] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = "";
    setErrors([]);
    setChosen(file ? await readChosen(file, lang) : null);
  };

  const replace = async () => {
    if (!chosen?.ok) return;
    setBusy(true);
    setErrors([]);
    try {
      await savePlan({
        planId: props.planId,
        file: { text: chosen.text, format: chosen.format },
        etag: props.base.etag,
        csrfToken: props.csrfToken,
      });
      setChosen(null);
      await props.onReplaced();
    } catch (error) {
      if (error instanceof ApiError && error.status === 412) {
        setChosen(null);
        props.onConflict();
      } else setErrors(serverErrors(error, t("editor.saveFailed"), t("common.networkError")));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="editor-files card" aria-labelledby={`${inputId}-heading`}>
      <h2 id={`${inputId}-heading`}>{t("editor.filesHeading")}</h2>
      <p className="muted">{t("editor.filesLead")}</p>
      <div className="editor-actions">
        <a className="button-link" href={exportUrl(props.planId)} download>
          {t("editor.export")}
        </a>
        {props.canEdit && (
          <>
            <button type="button" onClick={() => input.current?.click()}>
              {t("editor.replaceFromFile")}
            </button>
            <input
              ref={input}
              className="visually-hidden"
              type="file"
              accept={ACCEPT}
              tabIndex={-1}
              aria-label={t("editor.replaceFromFile")}
              onChange={(e) => void onFile(e)}
            />
          </>
        )}
      </div>
      {chosen && !chosen.ok && (
        <FileErrors title={t("editor.fileHasErrors", { name: chosen.name })} errors={chosen.errors} />
      )}
      {chosen?.ok && (
        <section className="editor-preview" aria-label={t("editor.previewTitle", { name: chosen.name })}>
          <h3>{t("editor.previewTitle", { name: chosen.name })}</h3>
          <DiffSummary diff={diffPlans(props.base.plan, chosen.plan)} />
          {props.dirty && <p className="form-error">{t("editor.replaceDropsDraft")}</p>}
          <div className="editor-actions">
            <button type="button" onClick={() => setChosen(null)} disabled={busy}>
              {t("editor.cancel")}
            </button>
            <button type="button" className="primary" onClick={() => void replace()} disabled={busy}>
              {busy ? t("editor.saving") : t("editor.replaceConfirm")}
            </button>
          </div>
        </section>
      )}
      {errors.length > 0 && <FileErrors title={t("editor.serverRefused")} errors={errors} />}
    </section>
  );
}

function FileErrors({ title, errors }: { title: string; errors: string[] }) {
  const { t } = useTranslation();
  return (
    <div className="form-error" role="alert">
      <p>{title}</p>
      <ul className="editor-file-errors">
        {errors.slice(0, 50).map((error, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the list never changes once shown
          <li key={i}>{error}</li>
        ))}
      </ul>
      {errors.length > 50 && <p>{t("editor.moreIssues", { count: errors.length - 50 })}</p>}
    </div>
  );
}

/** What an upload would change: nodes added, removed and changed, and the plan's own fields. */
export function DiffSummary({ diff }: { diff: PlanDiff }) {
  const { t } = useTranslation();
  if (isEmptyDiff(diff)) return <p>{t("editor.diffNone")}</p>;
  const label = (node: { id: string; name?: string | undefined }) =>
    node.name ? `${node.name} (${node.id})` : node.id;
  const fieldName = (field: string) =>
    t(`editor.fieldNames.${field}` as "editor.fieldNames.name", { defaultValue: field });
  return (
    <div className="editor-diff">
      {diff.name && <p>{t("editor.diffName", { before: diff.name.before, after: diff.name.after })}</p>}
      {diff.calendar && <p>{t("editor.diffCalendar")}</p>}
      {diff.added.length > 0 && (
        <>
          <h4>{t("editor.diffAdded", { count: diff.added.length })}</h4>
          <ul>
            {diff.added.map((n) => (
              <li key={n.id}>+ {label(n)}</li>
            ))}
          </ul>
        </>
      )}
      {diff.removed.length > 0 && (
        <>
          <h4>{t("editor.diffRemoved", { count: diff.removed.length })}</h4>
          <p className="muted">{t("editor.diffRemovedData")}</p>
          <ul>
            {diff.removed.map((n) => (
              <li key={n.id}>− {label(n)}</li>
            ))}
          </ul>
        </>
      )}
      {diff.changed.length > 0 && (
        <>
          <h4>{t("editor.diffChanged", { count: diff.changed.length })}</h4>
          <ul>
            {diff.changed.map((c) => (
              <li key={c.id}>
                ~ {label(c)}: {c.fields.map(fieldName).join(", ")}
              </li>
            ))}
          </ul>
        </>
      )}
      {diff.reordered && <p>{t("editor.diffReordered")}</p>}
      {diff.lint && <p>{t("editor.diffLint")}</p>}
      {diff.dataRows > 0 && <p>{t("editor.diffData", { count: diff.dataRows })}</p>}
    </div>
  );
}

/** Admins: a new plan of the organisation from a KPI file, opened here once created. */
export function NewPlanFromFile({
  csrfToken,
  selection,
}: {
  csrfToken: string | null;
  selection: PlanAndPeriod;
}) {
  const { t, i18n } = useTranslation();
  const lang = currentLang(i18n.language);
  const client = useQueryClient();
  const input = useRef<HTMLInputElement>(null);
  const [state, setState] = useState<{ busy: boolean; title: string; errors: string[] } | null>(null);

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = "";
    if (!file) return;
    const chosen = await readChosen(file, lang);
    if (!chosen.ok) {
      setState({
        busy: false,
        title: t("editor.fileHasErrors", { name: chosen.name }),
        errors: chosen.errors,
      });
      return;
    }
    setState({ busy: true, title: "", errors: [] });
    try {
      const id = await createPlanFromFile({ text: chosen.text, format: chosen.format, csrfToken });
      // The plan list must hold the new plan before it is selected, or the first plan would show.
      await client.invalidateQueries({ queryKey: ["plans"] });
      setState(null);
      selection.selectPlan(id);
    } catch (error) {
      setState({
        busy: false,
        title: t("editor.serverRefused"),
        errors: serverErrors(error, t("editor.createFailed"), t("common.networkError")),
      });
    }
  };

  return (
    <div className="editor-new-plan">
      <button type="button" onClick={() => input.current?.click()} disabled={state?.busy}>
        {state?.busy ? t("editor.creating") : t("editor.newPlanFromFile")}
      </button>
      <input
        ref={input}
        className="visually-hidden"
        type="file"
        accept={ACCEPT}
        tabIndex={-1}
        aria-label={t("editor.newPlanFromFile")}
        onChange={(e) => void onFile(e)}
      />
      {state && !state.busy && state.errors.length > 0 && (
        <FileErrors title={state.title} errors={state.errors} />
      )}
    </div>
  );
}
