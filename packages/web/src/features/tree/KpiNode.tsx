import { Handle, type Node, type NodeProps, Position } from "@xyflow/react";
import { type FocusEvent, type KeyboardEvent, useId } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "wouter";
import { ProgressBar } from "../../components/ProgressBar";
import { StatusBadge } from "../../components/StatusBadge";
import { formatProgress, formatValue } from "../../format/formatValue";
import { statusLabel } from "../../format/statusLabel";
import type { Lang } from "../../i18n/catalog";
import type { WhatIfChange } from "./api";
import type { ConsistencyRow } from "./gapsByNode";
import { gapWords } from "./gapWords";
import { signedValue } from "./signedValue";
import { descendantCount, type PlacedNode } from "./treeLayout";

export interface KpiNodeData extends Record<string, unknown> {
  placed: PlacedNode;
  lang: Lang;
  /** The detail page, keeping the plan and period. */
  href: string;
  /** The period shown, in words ("2026年度 第3四半期"): the gap belongs to it. */
  periodText: string;
  gap: ConsistencyRow | null;
  change: WhatIfChange | null;
  onToggle: (id: string) => void;
  onLinkKey: (id: string, event: KeyboardEvent<HTMLAnchorElement>) => void;
  onLinkFocus: (id: string, event: FocusEvent<HTMLAnchorElement>) => void;
}
export type KpiFlowNode = Node<KpiNodeData, "kpi">;

/** One node of the tree as a card: numbers, progress, status as words, gaps, what-if, collapse. */
export function KpiNode({ data }: NodeProps<KpiFlowNode>) {
  const { t } = useTranslation();
  const { placed, lang, gap, change } = data;
  const gapId = useId();
  const { node, numbers } = placed.item.view;
  const name = node.name ?? node.id;
  const unit = node.unit;
  const target = numbers?.target ?? null;
  const classes = ["kpi-node", `role-${node.role}`, gap ? "has-gap" : "", change ? "is-changed" : ""];
  return (
    <div className={classes.filter(Boolean).join(" ")} data-node={node.id}>
      <Handle type="target" position={Position.Top} isConnectable={false} className="kpi-handle" />
      <div className="kpi-node-head">
        <span className="role-tag">{t(`tree.role.${node.role}`)}</span>
        <Link
          href={data.href}
          className="kpi-node-name"
          data-node-link={node.id}
          title={name}
          aria-describedby={gap ? gapId : undefined}
          onKeyDown={(event) => data.onLinkKey(node.id, event)}
          onFocus={(event) => data.onLinkFocus(node.id, event)}
        >
          {name}
        </Link>
      </div>
      {numbers ? (
        <>
          <p className="kpi-node-figures">
            <span className="visually-hidden">{t("tree.actual")} </span>
            <span className="kpi-node-actual" title={formatValue(numbers.actual, unit, lang)}>
              {formatValue(numbers.actual, unit, lang, { compact: true })}
            </span>
            <span className="muted">
              {" / "}
              <span className="visually-hidden">{t("tree.target")} </span>
              <span title={formatValue(target, unit, lang)}>
                {formatValue(target, unit, lang, { compact: true })}
              </span>
              {numbers.derivedTarget && target !== null && ` (${t("tree.derivedTarget")})`}
            </span>
          </p>
          <div className="kpi-node-progress">
            <ProgressBar
              progress={numbers.progress}
              expected={null}
              tone={statusLabel(numbers.status, lang).tone}
              label={t("tree.progressOf", { name })}
              valueText={formatProgress(numbers.progress, lang)}
              expectedText={null}
            />
            <span className="progress-text">{formatProgress(numbers.progress, lang)}</span>
            <StatusBadge status={numbers.status} />
          </div>
        </>
      ) : null}
      {node.formula && (placed.collapsed || placed.childCount === 0) && (
        <p className="kpi-node-formula">
          <span className="visually-hidden">{t("tree.formula")} </span>
          <code className="formula">= {node.formula}</code>
        </p>
      )}
      {change && (
        <p className="kpi-node-scenario" data-scenario={node.id}>
          {t("tree.scenario")}: <strong>{formatValue(change.value, unit, lang, { compact: true })}</strong>
          {change.difference !== null && ` (${signedValue(change.difference, unit, lang, true)})`}
        </p>
      )}
      {gap && <GapMark id={gapId} gap={gap} unit={unit} lang={lang} periodText={data.periodText} />}
      {placed.childCount > 0 && (
        <button
          type="button"
          className="kpi-node-toggle nodrag"
          aria-expanded={!placed.collapsed}
          aria-label={t(placed.collapsed ? "tree.expand" : "tree.collapse", {
            name,
            count: descendantCount(placed.item),
          })}
          onClick={() => data.onToggle(node.id)}
        >
          <span aria-hidden="true">{placed.collapsed ? "▸" : "▾"}</span>
          {placed.collapsed && ` ${t("tree.collapsedCount", { count: descendantCount(placed.item) })}`}
        </button>
      )}
      <Handle type="source" position={Position.Bottom} isConnectable={false} className="kpi-handle" />
    </div>
  );
}

interface GapMarkProps {
  id: string;
  gap: ConsistencyRow;
  unit: string | undefined;
  lang: Lang;
  periodText: string;
}

/**
 * Where the node's targets do not add up, in words: the headline with the amount (never
 * clipped), what the inputs' targets give, and the whole sentence with the numbers in full
 * for screen readers (it also describes the node's link) and as the tooltip.
 */
function GapMark({ id, gap, unit, lang, periodText }: GapMarkProps) {
  const { t } = useTranslation();
  const words = gapWords(gap, unit, lang);
  const sentence = t("tree.gapSentence", {
    period: periodText,
    target: words.target,
    implied: words.impliedExact,
    gap: words.gap,
    ratio: words.ratio,
  });
  return (
    <p className="kpi-node-gap" id={id} title={sentence}>
      <span className="kpi-node-gap-head">
        <span aria-hidden="true">⚠ </span>
        {t(words.headline, { amount: words.amount })}
      </span>
      <span className="kpi-node-gap-detail" aria-hidden="true">
        {t("tree.gapImplied", { implied: words.implied })}
      </span>
      <span className="visually-hidden">{sentence}</span>
    </p>
  );
}
