import { useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useEffect, useId, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../api/client";
import type { PlanSummary } from "../../api/types";
import { Empty, LoadError, Loading } from "../../components/StateMessage";
import { dateIn, type FiscalCalendar, type Period } from "../../format/fiscalPeriod";
import { formatPercent, formatValue } from "../../format/formatValue";
import type { Lang } from "../../i18n/catalog";
import { currentLang } from "../../i18n/setupI18n";
import {
  type DetailNode,
  invalidatePlan,
  REVISION_REASONS,
  type RevisionReason,
  type StoredTarget,
  useFindings,
  useMembers,
  useRevisions,
  useSeries,
  useSolves,
  useTargets,
  writeTarget,
} from "./api";
import { type ConsistencyRow, changesFor, gapsAbove, type SolveAnswer } from "./consistencyGaps";
import { nameIn, periodText } from "./labels";
import { cadencePeriods, defaultPeriod, fiscalYearOf, periodSpan } from "./periodSpan";
import { parseTargetInput, targetInputText } from "./targetValue";
import { detailTexts } from "./texts";

interface TargetsSectionProps {
  plan: PlanSummary;
  node: DetailNode;
  nodes: DetailNode[];
  calendar: FiscalCalendar;
  period: Period;
  range: { from: string; to: string };
  canEdit: boolean;
  csrfToken: string | null;
}

/** Changing a target (with a reason), the warning when the tree stops adding up, and the history. */
export function TargetsSection(props: TargetsSectionProps) {
  const { t } = useTranslation();
  const { plan, node } = props;
  const targets = useTargets(plan.id);
  const stored = useMemo(
    () => new Map((targets.data ?? []).filter((x) => x.nodeId === node.id).map((x) => [x.period, x])),
    [targets.data, node.id],
  );
  return (
    <section className="detail-section" aria-labelledby="detail-targets-heading">
      <h2 id="detail-targets-heading">{t("detail.revise.heading")}</h2>
      {!props.canEdit ? (
        <p className="muted">{t("detail.revise.viewerOnly")}</p>
      ) : targets.error ? (
        <LoadError error={targets.error} onRetry={() => void targets.refetch()} />
      ) : targets.isPending ? (
        <Loading />
      ) : (
        <RevisionForm {...props} stored={stored} onReload={() => void targets.refetch()} />
      )}
      <GapWarning {...props} stored={stored} />
      <TargetHistory planId={plan.id} node={node} calendar={props.calendar} />
    </section>
  );
}

function RevisionForm({
  plan,
  node,
  calendar,
  period,
  range,
  csrfToken,
  stored,
  onReload,
}: TargetsSectionProps & { stored: Map<string, StoredTarget>; onReload: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = currentLang(i18n.language);
  const client = useQueryClient();
  const ids = useId();
  const series = useSeries(plan.id, node.id, range);
  const fiscalYear = fiscalYearOf(period, calendar);
  const choices = useMemo(
    () => cadencePeriods(node.cadence, fiscalYear, calendar),
    [node.cadence, fiscalYear, calendar],
  );
  const firstChoice = useMemo(
    () =>
      choices ? defaultPeriod(choices, dateIn(calendar.timezone, new Date()), range.from, calendar) : "",
    [choices, range.from, calendar],
  );
  const [target, setTarget] = useState(firstChoice ?? "");
  const current = stored.get(target);
  const shown = series.data?.nodes[0]?.points.find((p) => p.period === target);
  const [valueText, setValueText] = useState("");
  const [reason, setReason] = useState<RevisionReason | "">("");
  const [comment, setComment] = useState("");
  const [errors, setErrors] = useState<Partial<Record<"value" | "reason" | "comment", string>>>({});
  const [failure, setFailure] = useState<{ stale: boolean; detail: string | null } | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => setTarget(firstChoice ?? ""), [firstChoice]);
  // A new period (or a newer stored target) starts from the target as it is now.
  const currentValue = current?.value ?? null;
  useEffect(() => {
    if (target !== "") setValueText(targetInputText(currentValue, node.unit));
  }, [target, currentValue, node.unit]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(null);
    setFailure(null);
    const value = parseTargetInput(valueText, node.unit);
    const found: typeof errors = {};
    if (value === null) found.value = t("detail.revise.errors.value");
    else if (current && current.value === value) found.value = t("detail.revise.errors.unchanged");
    if (reason === "") found.reason = t("detail.revise.errors.reason");
    if (comment.trim() === "") found.comment = t("detail.revise.errors.comment");
    setErrors(found);
    if (Object.keys(found).length > 0 || value === null || reason === "" || target === "") {
      const first = found.value ? "value" : found.reason ? "reason" : "comment";
      document.getElementById(`${ids}-${first}`)?.focus();
      return;
    }
    setSaving(true);
    try {
      await writeTarget({
        planId: plan.id,
        nodeId: node.id,
        period: target,
        value,
        reason,
        comment: comment.trim(),
        current,
        csrfToken,
      });
      setReason("");
      setComment("");
      setSaved(
        t("detail.revise.saved", {
          period: periodText(target, lang),
          value: formatValue(value, node.unit, lang),
        }),
      );
      await invalidatePlan(client, plan.id);
    } catch (error) {
      const stale = error instanceof ApiError && (error.status === 412 || error.status === 428);
      setFailure({ stale, detail: error instanceof ApiError ? error.detail : null });
    } finally {
      setSaving(false);
    }
  };

  const describedBy = (field: "value" | "reason" | "comment", hint?: string) =>
    [hint, errors[field] ? `${ids}-${field}-error` : undefined].filter(Boolean).join(" ") || undefined;

  return (
    <form className="revise-form" onSubmit={submit} noValidate aria-labelledby="detail-targets-heading">
      <div className="field">
        <label htmlFor={`${ids}-period`}>{t("detail.revise.period")}</label>
        {choices ? (
          <select id={`${ids}-period`} value={target} onChange={(e) => setTarget(e.target.value)}>
            {choices.map((id) => (
              <option key={id} value={id}>
                {periodText(id, lang)}
              </option>
            ))}
          </select>
        ) : (
          <input id={`${ids}-period`} value={target} onChange={(e) => setTarget(e.target.value.trim())} />
        )}
        <p className="hint">
          {current
            ? t("detail.revise.current", { value: formatValue(current.value, node.unit, lang) })
            : shown?.target != null
              ? t("detail.revise.currentDerived", { value: formatValue(shown.target, node.unit, lang) })
              : t("detail.revise.noCurrent")}
        </p>
      </div>
      <div className="field">
        <label htmlFor={`${ids}-value`}>{t("detail.revise.value")}</label>
        <div className="input-with-unit">
          <input
            id={`${ids}-value`}
            inputMode="decimal"
            autoComplete="off"
            value={valueText}
            onChange={(e) => setValueText(e.target.value)}
            aria-invalid={errors.value ? true : undefined}
            aria-describedby={describedBy("value", `${ids}-value-hint`)}
          />
          {node.unit === "percent" && <span aria-hidden="true">%</span>}
        </div>
        <p className="hint" id={`${ids}-value-hint`}>
          {node.unit === "percent"
            ? t("detail.revise.percentHint")
            : t("detail.revise.valueHint", {
                unit: node.unit ? nameIn(detailTexts[lang].units, node.unit) : "—",
              })}
        </p>
        {errors.value && <FieldError id={`${ids}-value-error`} text={errors.value} />}
      </div>
      <div className="field">
        <label htmlFor={`${ids}-reason`}>{t("detail.revise.reason")}</label>
        <select
          id={`${ids}-reason`}
          value={reason}
          required
          onChange={(e) => setReason(e.target.value as RevisionReason | "")}
          aria-invalid={errors.reason ? true : undefined}
          aria-describedby={describedBy("reason")}
        >
          <option value="">{t("detail.revise.choose")}</option>
          {REVISION_REASONS.map((r) => (
            <option key={r} value={r}>
              {t(`detail.reasons.${r}`)}
            </option>
          ))}
        </select>
        {errors.reason && <FieldError id={`${ids}-reason-error`} text={errors.reason} />}
      </div>
      <div className="field field-wide">
        <label htmlFor={`${ids}-comment`}>{t("detail.revise.comment")}</label>
        <textarea
          id={`${ids}-comment`}
          rows={3}
          maxLength={4000}
          required
          value={comment}
          onChange={(e) => setComment(e.target.value)}
          aria-invalid={errors.comment ? true : undefined}
          aria-describedby={describedBy("comment")}
        />
        {errors.comment && <FieldError id={`${ids}-comment-error`} text={errors.comment} />}
      </div>
      <div className="form-actions field-wide">
        <button type="submit" className="primary" disabled={saving}>
          {saving ? t("detail.revise.submitting") : t("detail.revise.submit")}
        </button>
        <div aria-live="polite">{saved && <p className="form-success">{saved}</p>}</div>
      </div>
      {failure && (
        <div className="form-error field-wide" role="alert">
          {failure.stale ? (
            <>
              <p>{t("detail.revise.stale")}</p>
              <button
                type="button"
                onClick={() => {
                  setFailure(null);
                  onReload();
                }}
              >
                {t("detail.revise.reload")}
              </button>
            </>
          ) : (
            <>
              <p>{t("detail.revise.failed")}</p>
              {failure.detail && <p>{failure.detail}</p>}
            </>
          )}
        </div>
      )}
    </form>
  );
}

function FieldError({ id, text }: { id: string; text: string }) {
  return (
    <p className="field-error" id={id}>
      {text}
    </p>
  );
}

/**
 * The warning shown while the targets of the nodes whose formulas read this one do not add
 * up (the consistency rows of the check), with the value solve finds and a button to apply it.
 */
function GapWarning({
  plan,
  node,
  nodes,
  calendar,
  range,
  canEdit,
  csrfToken,
  stored,
}: TargetsSectionProps & { stored: Map<string, StoredTarget> }) {
  const { t, i18n } = useTranslation();
  const lang = currentLang(i18n.language);
  const findings = useFindings(plan.id);
  const within = useMemo(() => {
    const from = periodSpan(range.from, calendar)!;
    const to = periodSpan(range.to, calendar)!;
    return [from[0], to[1]] as const;
  }, [range, calendar]);
  const gaps = useMemo(
    () => gapsAbove(findings.data?.consistency ?? [], node.id, nodes, within, calendar),
    [findings.data, node.id, nodes, within, calendar],
  );
  const solves = useSolves(plan.id, node.id, gaps);
  if (gaps.length === 0) return null;
  const nameOf = (id: string) => nodes.find((n) => n.id === id)?.name ?? id;
  const unitOf = (id: string) => nodes.find((n) => n.id === id)?.unit;

  return (
    <div className="gap-warning" role="alert" aria-labelledby="detail-gaps-heading">
      <h3 id="detail-gaps-heading">
        <span aria-hidden="true">⚠ </span>
        {t("detail.gaps.heading")}
      </h3>
      <p>{t("detail.gaps.lead")}</p>
      <ul>
        {gaps.map((gap, i) => (
          <li key={`${gap.node}|${gap.period}`}>
            <p>
              {t("detail.gaps.row", {
                node: nameOf(gap.node),
                period: periodText(gap.period, lang),
                target: formatValue(gap.target, unitOf(gap.node), lang),
                implied: formatValue(gap.implied, unitOf(gap.node), lang),
                gap: formatValue(gap.gap, unitOf(gap.node), lang),
                ratio: gap.gapRatio === null ? "—" : formatPercent(gap.gapRatio, lang, 1),
              })}
            </p>
            <SolvedValue
              gap={gap}
              solve={solves[i]?.data}
              loading={solves[i]?.isPending ?? true}
              error={solves[i]?.error ?? null}
              node={node}
              gapName={nameOf(gap.node)}
              stored={stored}
              canEdit={canEdit}
              planId={plan.id}
              csrfToken={csrfToken}
              lang={lang}
            />
          </li>
        ))}
      </ul>
    </div>
  );
}

function SolvedValue({
  gap,
  solve,
  loading,
  error,
  node,
  gapName,
  stored,
  canEdit,
  planId,
  csrfToken,
  lang,
}: {
  gap: ConsistencyRow;
  solve: SolveAnswer | undefined;
  loading: boolean;
  error: Error | null;
  node: DetailNode;
  gapName: string;
  stored: Map<string, StoredTarget>;
  canEdit: boolean;
  planId: string;
  csrfToken: string | null;
  lang: Lang;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [applying, setApplying] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  if (error) return <LoadError error={error} />;
  if (loading || !solve) return <p className="muted">{t("detail.gaps.loading")}</p>;
  if (solve.value === null)
    return (
      <p>
        {t("detail.gaps.noSolution")} {solve.note}
      </p>
    );
  const current = new Map([...stored].map(([period, target]) => [period, target.value]));
  const changes = changesFor(solve, current);
  const value = (v: number | null) => formatValue(v, node.unit, lang);
  const parts = solve.monthly ? Object.entries(solve.monthly) : [];
  const sameEverywhere = parts.every(([, v]) => v === solve.value);

  const apply = async () => {
    setApplying(true);
    setFailure(null);
    try {
      for (const change of changes) {
        await writeTarget({
          planId,
          nodeId: node.id,
          period: change.period,
          value: change.value,
          reason: "misaligned",
          comment: t("detail.gaps.comment", { node: gapName, period: periodText(gap.period, lang) }),
          current: stored.get(change.period),
          csrfToken,
        });
      }
      await invalidatePlan(client, planId);
    } catch (caught) {
      setFailure(caught instanceof ApiError && caught.detail ? caught.detail : t("detail.gaps.failed"));
    } finally {
      setApplying(false);
    }
  };

  return (
    <div className="solved">
      <p>
        <strong>{t("detail.gaps.solved", { node: gapName, value: value(solve.value) })}</strong>
        {solve.note && <span> {solve.note}</span>}
      </p>
      {parts.length > 0 && !sameEverywhere && (
        <p className="muted">
          {t("detail.gaps.solvedParts", {
            parts: parts
              .map(([p, v]) => `${periodText(p, lang)} ${value(v)}`)
              .join(lang === "ja" ? "、" : ", "),
          })}
        </p>
      )}
      {canEdit && changes.length > 0 && (
        <button type="button" className="primary" disabled={applying} onClick={() => void apply()}>
          {applying
            ? t("detail.gaps.applying")
            : t("detail.gaps.apply", {
                periods: changes.map((c) => periodText(c.period, lang)).join(lang === "ja" ? "、" : ", "),
              })}
        </button>
      )}
      {failure && (
        <p className="form-error" role="alert">
          {failure}
        </p>
      )}
    </div>
  );
}

function TargetHistory({
  planId,
  node,
  calendar,
}: {
  planId: string;
  node: DetailNode;
  calendar: FiscalCalendar;
}) {
  const { t, i18n } = useTranslation();
  const lang = currentLang(i18n.language);
  const revisions = useRevisions(planId, node.id);
  const members = useMembers();
  const names = new Map((members.data ?? []).map((m) => [m.userId, m.name || m.email]));
  const when = new Intl.DateTimeFormat(lang === "ja" ? "ja-JP" : "en-US", {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: calendar.timezone,
  });
  const value = (v: number) => formatValue(v, node.unit, lang);
  const newestFirst = [...(revisions.data ?? [])].reverse();

  return (
    <div className="target-history">
      <h3 id="detail-history-heading">{t("detail.history.heading")}</h3>
      {revisions.error ? (
        <LoadError error={revisions.error} onRetry={() => void revisions.refetch()} />
      ) : revisions.isPending ? (
        <Loading />
      ) : newestFirst.length === 0 ? (
        <Empty title={t("detail.history.empty")} />
      ) : (
        <div className="table-scroll">
          <table className="detail-table detail-history">
            <caption className="visually-hidden">
              {t("detail.history.caption", { name: node.name ?? node.id })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t("detail.history.when")}</th>
                <th scope="col">{t("detail.history.period")}</th>
                <th scope="col">{t("detail.history.change")}</th>
                <th scope="col">{t("detail.history.who")}</th>
                <th scope="col">{t("detail.history.reason")}</th>
                <th scope="col">{t("detail.history.comment")}</th>
              </tr>
            </thead>
            <tbody>
              {newestFirst.map((r) => (
                <tr key={r.id}>
                  <td>
                    <time dateTime={r.at}>{when.format(new Date(r.at))}</time>
                  </td>
                  <td>{periodText(r.period, lang)}</td>
                  <td className="numeric">
                    {r.oldValue === null
                      ? t("detail.history.created", { value: value(r.newValue) })
                      : t("detail.history.changed", { from: value(r.oldValue), to: value(r.newValue) })}
                  </td>
                  <td>{(r.userId && names.get(r.userId)) ?? t("detail.history.someone")}</td>
                  <td>{nameIn(detailTexts[lang].reasons, r.reason)}</td>
                  <td className="comment-cell">{r.comment}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
