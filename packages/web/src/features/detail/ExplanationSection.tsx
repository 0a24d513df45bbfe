import { useTranslation } from "react-i18next";
import { Link } from "wouter";
import { LoadError, Loading } from "../../components/StateMessage";
import { formatPercent, formatValue } from "../../format/formatValue";
import { currentLang } from "../../i18n/setupI18n";
import { type DetailNode, useExplanation } from "./api";
import { nameIn, periodText } from "./labels";
import { detailTexts } from "./texts";

/** How the selected period's value, target and forecast were computed (GET …/explain). */
export function ExplanationSection({
  planId,
  node,
  nodes,
  period,
  search,
}: {
  planId: string;
  node: DetailNode;
  nodes: DetailNode[];
  period: string;
  search: string;
}) {
  const { t, i18n } = useTranslation();
  const lang = currentLang(i18n.language);
  const texts = detailTexts[lang].explain;
  const explanation = useExplanation(planId, node.id, period);
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const inputValue = (id: string, v: number | null) => formatValue(v, byId.get(id)?.unit, lang);
  const x = explanation.data;

  return (
    <section className="detail-section" aria-labelledby="detail-explain-heading">
      <h2 id="detail-explain-heading">{t("detail.explain.heading")}</h2>
      {explanation.error ? (
        <LoadError error={explanation.error} onRetry={() => void explanation.refetch()} />
      ) : !x ? (
        <Loading />
      ) : (
        <>
          <p className="muted">
            {t("detail.explain.lead", { period: periodText(x.period, lang), asOf: x.asOf })}
          </p>
          <dl className="explain-list">
            <div>
              <dt>{texts.value}</dt>
              <dd>{formatValue(x.value, node.unit, lang)}</dd>
            </div>
            <div>
              <dt>{texts.kind}</dt>
              <dd>{nameIn(texts.kinds, x.kind)}</dd>
            </div>
            {x.aggregation && (
              <div>
                <dt>{texts.aggregation}</dt>
                <dd>{nameIn(texts.aggregations, x.aggregation)}</dd>
              </div>
            )}
            {x.grain && (
              <div>
                <dt>{texts.grain}</dt>
                <dd>{nameIn(detailTexts[lang].grains, x.grain)}</dd>
              </div>
            )}
            {x.records !== null && (
              <div>
                <dt>{texts.records}</dt>
                <dd>{x.records.toLocaleString(lang === "ja" ? "ja-JP" : "en-US")}</dd>
              </div>
            )}
            <div>
              <dt>{texts.coverage}</dt>
              <dd>
                {x.coverage === null
                  ? "—"
                  : t("detail.explain.coverageValue", { share: formatPercent(x.coverage, lang, 0) })}
              </dd>
            </div>
            {x.formula && (
              <div>
                <dt>{detailTexts[lang].formula}</dt>
                <dd>
                  <code className="formula">= {x.formula}</code>
                </dd>
              </div>
            )}
            {x.modeled !== null && x.kind === "measured" && (
              <div>
                <dt>{texts.modeled}</dt>
                <dd>{formatValue(x.modeled, node.unit, lang)}</dd>
              </div>
            )}
            {x.reason && (
              <div>
                <dt>{texts.reason}</dt>
                <dd>{nameIn(texts.reasons, x.reason)}</dd>
              </div>
            )}
            <div>
              <dt>{texts.target}</dt>
              <dd>
                {formatValue(x.target.value, node.unit, lang)}
                {x.target.source && (
                  <span className="muted"> — {nameIn(texts.targetSources, x.target.source)}</span>
                )}
              </dd>
            </div>
            <div>
              <dt>{texts.forecast}</dt>
              <dd>
                {formatValue(x.forecast.value, node.unit, lang)}
                {x.forecast.method && (
                  <span className="muted"> — {nameIn(texts.forecastMethods, x.forecast.method)}</span>
                )}
              </dd>
            </div>
          </dl>
          {x.inputs.length > 0 && (
            <table className="detail-table explain-inputs">
              <caption>{texts.inputs}</caption>
              <thead>
                <tr>
                  <th scope="col">{texts.input}</th>
                  <th scope="col">{texts.inputValue}</th>
                  <th scope="col">{texts.target}</th>
                </tr>
              </thead>
              <tbody>
                {x.inputs.map((input) => {
                  const target = x.target.from.find((f) => f.id === input.id && f.period === input.period);
                  return (
                    <tr key={input.id}>
                      <th scope="row">
                        <Link href={`/kpi/${encodeURIComponent(input.id)}${search}`}>
                          {byId.get(input.id)?.name ?? input.id}
                        </Link>
                      </th>
                      <td>{inputValue(input.id, input.value)}</td>
                      <td>{target ? inputValue(input.id, target.value) : "—"}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
          {x.target.source === "rollup" && x.target.from.length > 0 && (
            <p className="muted">
              {texts.targetFrom}:{" "}
              {x.target.from
                .map((f) => `${periodText(f.period, lang)} ${inputValue(f.id, f.value)}`)
                .join(lang === "ja" ? "、" : ", ")}
            </p>
          )}
        </>
      )}
    </section>
  );
}
