import { useQueryClient } from "@tanstack/react-query";
import { type DragEvent, useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../api/client";
import { formatValue } from "../../format/formatValue";
import type { Lang } from "../../i18n/catalog";
import {
  type DryRunResult,
  type EntryNode,
  fileContentType,
  type IngestResult,
  MeasurementProblem,
  refreshAfterWrite,
  sendMeasurements,
} from "./api";

type Step =
  | { kind: "idle" }
  | { kind: "unsupported"; name: string }
  /** `sent`: share uploaded, null once the server is working on it. */
  | { kind: "sending"; file: File; dryRun: boolean; sent: number | null }
  | { kind: "rejected"; file: File; problem: MeasurementProblem }
  | { kind: "checked"; file: File; result: DryRunResult }
  | { kind: "imported"; file: File; result: IngestResult }
  | { kind: "failed"; file: File; error: Error };

interface UploadPanelProps {
  planId: string;
  csrfToken: string | null;
  readOnly: boolean;
  nodes: ReadonlyMap<string, EntryNode>;
  lang: Lang;
  /** A 401: the session ended. */
  onSignedOut: () => void;
}

/**
 * A CSV/XLSX file checked first (a dry run: every bad row listed, or the counts and the first
 * rows, nothing written), then imported on request. Progress shown while it uploads.
 */
export function UploadPanel({ planId, csrfToken, readOnly, nodes, lang, onSignedOut }: UploadPanelProps) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [step, setStep] = useState<Step>({ kind: "idle" });
  const [dragging, setDragging] = useState(false);
  const inputId = useId();
  const headingId = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const abort = useRef<AbortController | null>(null);
  useEffect(() => () => abort.current?.abort(), []);

  async function send(file: File, dryRun: boolean) {
    abort.current?.abort();
    const controller = new AbortController();
    abort.current = controller;
    setStep({ kind: "sending", file, dryRun, sent: 0 });
    try {
      const onProgress = (sent: number) =>
        setStep({ kind: "sending", file, dryRun, sent: sent >= 1 ? null : sent });
      const options = {
        planId,
        payload: { kind: "file" as const, file },
        csrfToken,
        onProgress,
        signal: controller.signal,
      };
      if (dryRun) {
        const result = await sendMeasurements({ ...options, dryRun: true });
        setStep({ kind: "checked", file, result });
      } else {
        const result = await sendMeasurements({ ...options, dryRun: false });
        setStep({ kind: "imported", file, result });
        await refreshAfterWrite(client);
      }
    } catch (error) {
      if (error instanceof DOMException && error.name === "AbortError") return;
      if (error instanceof ApiError && error.status === 401) onSignedOut();
      if (error instanceof MeasurementProblem && error.code === "invalid_data")
        setStep({ kind: "rejected", file, problem: error });
      else setStep({ kind: "failed", file, error: error as Error });
    }
  }

  function choose(file: File | undefined) {
    if (!file) return;
    if (fileContentType(file.name) === null) setStep({ kind: "unsupported", name: file.name });
    else void send(file, true);
  }

  function reset() {
    abort.current?.abort();
    setStep({ kind: "idle" });
    if (fileInput.current) fileInput.current.value = "";
  }

  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    if (!readOnly) choose(event.dataTransfer.files[0]);
  };

  const busy = step.kind === "sending";
  const name = "file" in step ? step.file.name : "";
  const nodeName = (id: string) => nodes.get(id)?.name ?? id;
  const value = (id: string, v: number | null) => formatValue(v, nodes.get(id)?.unit, lang);

  return (
    <section className="card entry-upload" aria-labelledby={headingId}>
      <h2 id={headingId}>{t("entry.upload.heading")}</h2>
      <p className="muted">{t("entry.upload.lead")}</p>
      {readOnly ? (
        <p className="muted">{t("entry.upload.readOnly")}</p>
      ) : (
        // Dropping a file is a shortcut; the file input inside is the way in for the keyboard.
        // biome-ignore lint/a11y/noStaticElementInteractions: a drop target, not a control
        <div
          className={dragging ? "drop-zone dragging" : "drop-zone"}
          onDragOver={(event) => {
            event.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
        >
          {/* The browser's own file button speaks the browser's language; ours speaks the app's. */}
          <input
            id={inputId}
            ref={fileInput}
            className="visually-hidden file-input"
            type="file"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            disabled={busy}
            onChange={(event) => choose(event.target.files?.[0])}
          />
          <label htmlFor={inputId} className="file-button">
            {t("entry.upload.choose")}
          </label>
          {name && <span className="file-name">{name}</span>}
          <span className="muted">{t("entry.upload.drop")}</span>
          <p className="muted formats">{t("entry.upload.formats")}</p>
        </div>
      )}

      <div className="upload-result" aria-live="polite">
        {step.kind === "unsupported" && (
          <p className="form-error" role="alert">
            {t("entry.upload.unsupported", { name: step.name })}
          </p>
        )}
        {step.kind === "sending" && (
          <div className="upload-progress">
            <div>
              <span>
                {step.sent === null
                  ? t(step.dryRun ? "entry.upload.checking" : "entry.upload.importing", { name })
                  : t("entry.upload.uploading", { name, percent: Math.round(step.sent * 100) })}
              </span>
              {step.sent === null ? (
                <progress aria-label={t("entry.upload.progress")} />
              ) : (
                <progress aria-label={t("entry.upload.progress")} max={1} value={step.sent} />
              )}
            </div>
          </div>
        )}
        {step.kind === "rejected" && (
          <div role="alert" className="upload-rejected">
            <p className="form-error">
              {t("entry.upload.rejected", { name, count: step.problem.totalErrors })}
              {step.problem.totalErrors > step.problem.rows.length && (
                <>
                  {" "}
                  {t("entry.upload.rejectedMore", {
                    listed: step.problem.rows.length,
                    count: step.problem.totalErrors,
                  })}
                </>
              )}
            </p>
            <table className="entry-table">
              <thead>
                <tr>
                  <th scope="col">{t("entry.upload.line")}</th>
                  <th scope="col">{t("entry.upload.column")}</th>
                  <th scope="col">{t("entry.upload.value")}</th>
                  <th scope="col">{t("entry.upload.reason")}</th>
                </tr>
              </thead>
              <tbody>
                {step.problem.rows.map((row) => (
                  <tr
                    key={`${row.line ?? ""}:${row.column ?? ""}:${row.path}:${row.code ?? ""}:${row.message}`}
                  >
                    <td className="number">{row.line ?? ""}</td>
                    <td>{row.path}</td>
                    <td>{row.value === undefined ? "" : <code>{row.value}</code>}</td>
                    <td>{row.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <button type="button" onClick={reset}>
              {t("entry.upload.cancel")}
            </button>
          </div>
        )}
        {step.kind === "checked" && (
          <div className="upload-checked">
            <p role="status">
              {t("entry.upload.ready", {
                name,
                inserted: step.result.inserted,
                updated: step.result.updated,
                unchanged: step.result.unchanged,
                rows: step.result.rows,
              })}
            </p>
            {step.result.preview.length > 0 && (
              <div className="table-scroll">
                <table className="entry-table">
                  <caption>{t("entry.upload.previewCaption", { count: step.result.preview.length })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t("entry.upload.node")}</th>
                      <th scope="col">{t("entry.upload.period")}</th>
                      <th scope="col">{t("entry.upload.segment")}</th>
                      <th scope="col">{t("entry.upload.value")}</th>
                      <th scope="col">{t("entry.upload.previous")}</th>
                      <th scope="col">{t("entry.upload.change")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {step.result.preview.map((row) => (
                      <tr key={`${row.node}-${row.period}-${row.segment ?? ""}`}>
                        <td>{nodeName(row.node)}</td>
                        <td>{row.period}</td>
                        <td>{row.segment ?? ""}</td>
                        <td className="number">{value(row.node, row.value)}</td>
                        <td className="number">{value(row.node, row.previous)}</td>
                        <td>
                          <span className={`change change-${row.change}`}>
                            {t(`entry.upload.changes.${row.change}`)}
                          </span>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
            <div className="actions">
              <button type="button" className="primary" onClick={() => void send(step.file, false)}>
                {t("entry.upload.import")}
              </button>
              <button type="button" onClick={reset}>
                {t("entry.upload.cancel")}
              </button>
            </div>
          </div>
        )}
        {step.kind === "imported" && (
          <p role="status" className="upload-done">
            {t("entry.upload.imported", {
              name,
              inserted: step.result.inserted,
              updated: step.result.updated,
              unchanged: step.result.unchanged,
            })}
          </p>
        )}
        {step.kind === "failed" && (
          <div role="alert" className="form-error">
            <p>{t("entry.upload.failed", { name })}</p>
            {step.error instanceof ApiError && (
              <p>{step.error.code === "network" ? t("common.networkError") : step.error.detail}</p>
            )}
          </div>
        )}
      </div>
    </section>
  );
}
