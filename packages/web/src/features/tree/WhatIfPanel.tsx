import type { UseQueryResult } from "@tanstack/react-query";
import { type FormEvent, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../api/client";
import { StatusBadge } from "../../components/StatusBadge";
import { formatPercent, formatValue } from "../../format/formatValue";
import type { Lang } from "../../i18n/catalog";
import type { NodeView } from "../../view/planView";
import { type SolveQuestion, useSensitivity, useSolve, type WhatIfDocument } from "./api";
import { leverInputText, parseLeverInput } from "./leverValue";
import { signedValue } from "./signedValue";

interface WhatIfPanelProps {
  planId: string;
  period: string;
  periodText: string;
  /** Every node with its numbers, by id. */
  views: ReadonlyMap<string, NodeView>;
  /** The KGIs a formula computes: the goals a lever can move. */
  goals: readonly NodeView[];
  values: Readonly<Record<string, number>>;
  onValues: (values: Record<string, number>) => void;
  whatIf: UseQueryResult<WhatIfDocument>;
  lang: Lang;
}

/** The server's message in the user's language (or the generic one), for a failed question. */
function Problem({ error }: { error: Error }) {
  const { t } = useTranslation();
  const network = error instanceof ApiError && error.code === "network";
  const detail = error instanceof ApiError && !network ? error.detail : null;
  return (
    <p className="form-error" role="alert">
      {detail ?? t(network ? "common.networkError" : "common.loadFailed")}
    </p>
  );
}

/**
 * Change a lever's value and see the KGI move (the engine's what-if), the levers ranked by
 * sensitivity, and "solve": the value a lever needs for the KGI to meet its target.
 */
export function WhatIfPanel({
  planId,
  period,
  periodText,
  views,
  goals,
  values,
  onValues,
  whatIf,
  lang,
}: WhatIfPanelProps) {
  const { t } = useTranslation();
  const ids = useId();
  const [goalId, setGoalId] = useState(goals[0]?.node.id);
  const goal = goals.find((g) => g.node.id === goalId) ?? goals[0];
  const sensitivity = useSensitivity(planId, goal?.node.id, period);
  const levers = sensitivity.data?.levers ?? [];
  const [chosen, setChosen] = useState<string | null>(null);
  const leverId = levers.some((l) => l.id === chosen) ? chosen! : (levers[0]?.id ?? null);
  const lever = leverId ? views.get(leverId) : undefined;
  const leverNow = levers.find((l) => l.id === leverId)?.value ?? null;
  const [text, setText] = useState<{ lever: string | null; value: string } | null>(null);
  const shownText =
    text?.lever === leverId
      ? text.value
      : leverInputText(values[leverId ?? ""] ?? leverNow, lever?.node.unit);
  const [invalid, setInvalid] = useState(false);
  const [solveFor, setSolveFor] = useState<string | null>(null);
  const solveLever = levers.some((l) => l.id === solveFor) ? solveFor! : (levers[0]?.id ?? null);
  const [question, setQuestion] = useState<SolveQuestion | null>(null);
  const solve = useSolve(planId, question?.period === period ? question : null);

  if (!goal)
    return (
      <aside className="what-if card" aria-labelledby={`${ids}-title`}>
        <h2 id={`${ids}-title`}>{t("tree.whatIf.title")}</h2>
        <p className="muted">{t("tree.whatIf.noGoal")}</p>
      </aside>
    );

  const nameOf = (id: string) => views.get(id)?.node.name ?? id;
  const unitOf = (id: string) => views.get(id)?.node.unit;
  const hasValues = Object.keys(values).length > 0;
  const scenario = hasValues ? whatIf.data : undefined;
  const goalChange = scenario?.changes.find((c) => c.id === goal.node.id);
  const goalInScenario = scenario?.nodes.find((n) => n.id === goal.node.id);

  const tryValue = (id: string, value: number) => {
    setChosen(id);
    setText({ lever: id, value: leverInputText(value, unitOf(id)) });
    setInvalid(false);
    onValues({ ...values, [id]: value });
  };
  const apply = (event: FormEvent) => {
    event.preventDefault();
    if (!leverId) return;
    const value = parseLeverInput(shownText, lever?.node.unit);
    setInvalid(value === null);
    if (value !== null) onValues({ ...values, [leverId]: value });
  };
  const remove = (id: string) => {
    const { [id]: _removed, ...rest } = values;
    onValues(rest);
  };

  return (
    <aside className="what-if card" aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`}>{t("tree.whatIf.title")}</h2>
      <p className="muted what-if-lead">{t("tree.whatIf.lead")}</p>

      <label className="field" htmlFor={`${ids}-goal`}>
        {t("tree.whatIf.goal")}
      </label>
      <select id={`${ids}-goal`} value={goal.node.id} onChange={(e) => setGoalId(e.target.value)}>
        {goals.map((g) => (
          <option key={g.node.id} value={g.node.id}>
            {g.node.name ?? g.node.id}
          </option>
        ))}
      </select>

      {sensitivity.error ? (
        <Problem error={sensitivity.error} />
      ) : sensitivity.isPending ? (
        <p role="status" className="muted">
          {t("common.loading")}
        </p>
      ) : levers.length === 0 ? (
        <p className="muted">{t("tree.sensitivity.none")}</p>
      ) : (
        <>
          <form className="what-if-form" onSubmit={apply} noValidate>
            <label className="field" htmlFor={`${ids}-lever`}>
              {t("tree.whatIf.lever")}
            </label>
            <select
              id={`${ids}-lever`}
              value={leverId ?? ""}
              onChange={(e) => {
                setChosen(e.target.value);
                setInvalid(false);
              }}
            >
              {levers.map((l) => (
                <option key={l.id} value={l.id}>
                  {nameOf(l.id)}
                </option>
              ))}
            </select>
            <label className="field" htmlFor={`${ids}-value`}>
              {t("tree.whatIf.value", { name: nameOf(leverId!), period: periodText })}
              {unitOf(leverId!) === "percent" && (
                <span className="muted"> ({t("tree.whatIf.percentHint")})</span>
              )}
            </label>
            <div className="what-if-input">
              <input
                id={`${ids}-value`}
                inputMode="decimal"
                autoComplete="off"
                value={shownText}
                aria-invalid={invalid}
                aria-describedby={`${ids}-now${invalid ? ` ${ids}-invalid` : ""}`}
                onChange={(e) => {
                  setText({ lever: leverId, value: e.target.value });
                  setInvalid(false);
                }}
              />
              <button type="submit" className="primary">
                {t("tree.whatIf.apply")}
              </button>
            </div>
            <p id={`${ids}-now`} className="muted small">
              {t("tree.whatIf.current", { value: formatValue(leverNow, unitOf(leverId!), lang) })}
            </p>
            {invalid && (
              <p id={`${ids}-invalid`} className="form-error" role="alert">
                {t("tree.whatIf.invalidNumber")}
              </p>
            )}
          </form>

          {hasValues && (
            <section className="what-if-changed" aria-labelledby={`${ids}-changed`}>
              <h3 id={`${ids}-changed`}>{t("tree.whatIf.changed")}</h3>
              <ul>
                {Object.entries(values).map(([id, value]) => (
                  <li key={id}>
                    <span>
                      {nameOf(id)}: <strong>{formatValue(value, unitOf(id), lang)}</strong>
                    </span>
                    <button
                      type="button"
                      className="link-button"
                      aria-label={t("tree.whatIf.remove", { name: nameOf(id) })}
                      onClick={() => remove(id)}
                    >
                      ×
                    </button>
                  </li>
                ))}
              </ul>
              <button type="button" onClick={() => onValues({})}>
                {t("tree.whatIf.reset")}
              </button>
            </section>
          )}

          <section className="what-if-result" aria-labelledby={`${ids}-result`} aria-live="polite">
            {hasValues && <h3 id={`${ids}-result`}>{t("tree.whatIf.result")}</h3>}
            {!hasValues ? null : whatIf.error ? (
              <Problem error={whatIf.error} />
            ) : goalChange ? (
              <div className={whatIf.isFetching ? "stale" : undefined} aria-busy={whatIf.isFetching}>
                <dl className="figures what-if-figures" data-goal={goal.node.id}>
                  <div>
                    <dt>{t("tree.whatIf.before")}</dt>
                    <dd>{formatValue(goalChange.base, goal.node.unit, lang)}</dd>
                  </div>
                  <div>
                    <dt>{t("tree.whatIf.after")}</dt>
                    <dd className="figure-main" data-what-if-value>
                      {formatValue(goalChange.value, goal.node.unit, lang)}
                    </dd>
                  </div>
                  <div>
                    <dt>{t("tree.whatIf.difference")}</dt>
                    <dd>
                      {goalChange.difference === null
                        ? "—"
                        : signedValue(goalChange.difference, goal.node.unit, lang)}
                      {goalChange.difference !== null && goalChange.base ? (
                        <span className="muted">
                          {" "}
                          ({goalChange.difference >= 0 ? "+" : ""}
                          {formatPercent(goalChange.difference / Math.abs(goalChange.base), lang, 1)})
                        </span>
                      ) : null}
                    </dd>
                  </div>
                </dl>
                {goalInScenario && (
                  <p className="what-if-status">
                    {t("tree.whatIf.statusInScenario")}: <StatusBadge status={goalInScenario.status} />
                  </p>
                )}
                <p className="muted small">{t("tree.whatIf.modelNote")}</p>
              </div>
            ) : whatIf.isFetching || whatIf.isPending ? (
              <p role="status" className="muted">
                {t("tree.whatIf.computing")}
              </p>
            ) : (
              <p className="muted">{t("tree.whatIf.unchanged", { name: goal.node.name ?? goal.node.id })}</p>
            )}
          </section>

          <section aria-labelledby={`${ids}-sensitivity`}>
            <h3 id={`${ids}-sensitivity`}>{t("tree.sensitivity.title")}</h3>
            <p className="muted small">
              {t("tree.sensitivity.lead", { name: goal.node.name ?? goal.node.id })}
            </p>
            <ol className="lever-list">
              {levers.map((l) => (
                <li key={l.id} data-lever={l.id}>
                  <div className="lever-head">
                    <span className="lever-name">{nameOf(l.id)}</span>
                    <button
                      type="button"
                      className="link-button"
                      aria-label={t("tree.sensitivity.use", { name: nameOf(l.id) })}
                      onClick={() => {
                        setChosen(l.id);
                        setInvalid(false);
                      }}
                    >
                      {t("tree.sensitivity.choose")}
                    </button>
                  </div>
                  <dl className="lever-figures">
                    <div>
                      <dt>{t("tree.sensitivity.impact")}</dt>
                      <dd>
                        {l.impactOf10pct === null
                          ? "—"
                          : signedValue(l.impactOf10pct, goal.node.unit, lang, true)}
                      </dd>
                    </div>
                    <div>
                      <dt>{t("tree.sensitivity.elasticity")}</dt>
                      <dd>{formatValue(l.elasticity, undefined, lang)}</dd>
                    </div>
                    <div>
                      <dt>{t("tree.sensitivity.required")}</dt>
                      <dd>
                        {formatValue(l.requiredValue, unitOf(l.id), lang, { compact: true })}
                        {l.requiredValue !== null && (
                          <button
                            type="button"
                            className="link-button"
                            aria-label={t("tree.sensitivity.useRequired", { name: nameOf(l.id) })}
                            onClick={() => tryValue(l.id, l.requiredValue!)}
                          >
                            {t("tree.whatIf.apply")}
                          </button>
                        )}
                      </dd>
                    </div>
                  </dl>
                </li>
              ))}
            </ol>
          </section>

          <section aria-labelledby={`${ids}-solve`} className="solve">
            <h3 id={`${ids}-solve`}>{t("tree.solve.title")}</h3>
            <p className="muted small">{t("tree.solve.lead", { name: goal.node.name ?? goal.node.id })}</p>
            <form
              className="what-if-input"
              onSubmit={(event) => {
                event.preventDefault();
                if (solveLever) setQuestion({ node: goal.node.id, lever: solveLever, period });
              }}
            >
              <label className="visually-hidden" htmlFor={`${ids}-solve-for`}>
                {t("tree.solve.lever")}
              </label>
              <select
                id={`${ids}-solve-for`}
                value={solveLever ?? ""}
                onChange={(e) => setSolveFor(e.target.value)}
              >
                {levers.map((l) => (
                  <option key={l.id} value={l.id}>
                    {nameOf(l.id)}
                  </option>
                ))}
              </select>
              <button type="submit">{t("tree.solve.run")}</button>
            </form>
            {question?.period === period && (
              <div aria-live="polite" className="solve-answer">
                {solve.error ? (
                  <Problem error={solve.error} />
                ) : solve.isPending ? (
                  <p role="status" className="muted">
                    {t("tree.whatIf.computing")}
                  </p>
                ) : solve.data ? (
                  <>
                    <p>
                      {t("tree.solve.answer", { lever: nameOf(solve.data.for) })}:{" "}
                      <strong data-solved>
                        {formatValue(solve.data.value, unitOf(solve.data.for), lang)}
                      </strong>
                    </p>
                    {solve.data.note && <p className="muted">{solve.data.note}</p>}
                    {solve.data.value === null && !solve.data.note && (
                      <p className="muted">{t("tree.solve.none")}</p>
                    )}
                    {solve.data.solutions && solve.data.solutions.length > 1 && (
                      <p className="muted">
                        {t("tree.solve.several", {
                          values: solve.data.solutions
                            .map((v) => formatValue(v, unitOf(solve.data.for), lang))
                            .join(", "),
                        })}
                      </p>
                    )}
                    {solve.data.monthly && (
                      <p className="muted small">
                        {t("tree.solve.monthly")}:{" "}
                        {Object.entries(solve.data.monthly)
                          .map(([p, v]) => `${p} ${formatValue(v, unitOf(solve.data.for), lang)}`)
                          .join(" / ")}
                      </p>
                    )}
                    {solve.data.value !== null && (
                      <button type="button" onClick={() => tryValue(solve.data.for, solve.data.value!)}>
                        {t("tree.solve.use")}
                      </button>
                    )}
                  </>
                ) : null}
              </div>
            )}
          </section>
        </>
      )}
    </aside>
  );
}
