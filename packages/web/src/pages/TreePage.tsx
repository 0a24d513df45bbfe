import { useTranslation } from "react-i18next";
import { useEvaluation, usePlanNodes } from "../api/queries";
import type { PlanAndPeriod } from "../app/usePlanAndPeriod";
import { PeriodPicker } from "../components/PeriodPicker";
import { Empty, LoadError, Loading } from "../components/StateMessage";
import { StatusBadge } from "../components/StatusBadge";
import { periodId } from "../format/fiscalPeriod";
import { formatProgress, formatValue } from "../format/formatValue";
import type { Lang } from "../i18n/catalog";
import { currentLang } from "../i18n/setupI18n";
import { buildTree, joinNumbers, type TreeItem } from "../view/planView";

/** The KPI tree as nested lists: every node with its numbers and formula. Loaded on demand. */
export default function TreePage({ selection }: { selection: PlanAndPeriod }) {
  const { t, i18n } = useTranslation();
  const lang = currentLang(i18n.language);
  const { plan, period, calendar } = selection;
  const nodes = usePlanNodes(plan?.id);
  const evaluation = useEvaluation(plan?.id, period && periodId(period));

  if (selection.error) return <LoadError error={selection.error} onRetry={selection.refetch} />;
  if (selection.isPending) return <Loading />;
  if (!plan || !period || !calendar)
    return <Empty title={t("common.noPlans")}>{t("common.noPlansHint")}</Empty>;
  const error = nodes.error ?? evaluation.error;
  const tree = buildTree(joinNumbers(nodes.data ?? [], evaluation.data));

  return (
    <>
      <div className="page-head">
        <h1>{t("tree.title")}</h1>
        {evaluation.data && <p className="muted as-of">{t("period.asOf", { date: evaluation.data.asOf })}</p>}
      </div>
      <PeriodPicker period={period} calendar={calendar} onChange={selection.selectPeriod} />
      {error ? (
        <LoadError error={error} onRetry={() => void evaluation.refetch()} />
      ) : nodes.isPending || evaluation.isPending ? (
        <Loading />
      ) : tree.length === 0 ? (
        <Empty title={t("tree.empty")} />
      ) : (
        <ul className="tree" aria-busy={evaluation.isFetching}>
          {tree.map((item) => (
            <TreeNode key={item.view.node.id} item={item} lang={lang} />
          ))}
        </ul>
      )}
    </>
  );
}

function TreeNode({ item, lang }: { item: TreeItem; lang: Lang }) {
  const { t } = useTranslation();
  const { node, numbers } = item.view;
  return (
    <li className={`tree-node role-${node.role}`}>
      <div className="tree-row">
        <span className="role-tag">{node.role.toUpperCase()}</span>
        <span className="tree-name">{node.name ?? node.id}</span>
        {numbers && (
          <>
            <span className="tree-figures">
              {formatValue(numbers.actual, node.unit, lang, { compact: true })}
              <span className="muted">
                {" / "}
                {formatValue(numbers.target, node.unit, lang, { compact: true })}
                {numbers.derivedTarget && numbers.target !== null && ` (${t("dashboard.derivedTarget")})`}
              </span>
            </span>
            <span className="tree-progress">{formatProgress(numbers.progress, lang)}</span>
            <StatusBadge status={numbers.status} />
          </>
        )}
        {node.formula && (
          <code className="formula" title={t("tree.formula")}>
            = {node.formula}
          </code>
        )}
      </div>
      {item.children.length > 0 && (
        <ul>
          {item.children.map((child) => (
            <TreeNode key={child.view.node.id} item={child} lang={lang} />
          ))}
        </ul>
      )}
    </li>
  );
}
