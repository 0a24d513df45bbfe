import "@xyflow/react/dist/style.css";
import "./tree.css";
import {
  Controls,
  type EdgeTypes,
  MiniMap,
  type NodeTypes,
  ReactFlow,
  ReactFlowProvider,
  useReactFlow,
} from "@xyflow/react";
import { type FocusEvent, type KeyboardEvent, useCallback, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useLocation } from "wouter";
import { useEvaluation, usePlanNodes } from "../../api/queries";
import type { Evaluation, PlanNode } from "../../api/types";
import type { PlanAndPeriod } from "../../app/usePlanAndPeriod";
import { PeriodPicker } from "../../components/PeriodPicker";
import { Empty, LoadError, Loading } from "../../components/StateMessage";
import { periodId, periodLabel } from "../../format/fiscalPeriod";
import type { Lang } from "../../i18n/catalog";
import { currentLang, registerTexts } from "../../i18n/setupI18n";
import { buildTree, joinNumbers } from "../../view/planView";
import { useFindings, useWhatIf, type WhatIfChange } from "./api";
import { FormulaEdge, type FormulaFlowEdge } from "./FormulaEdge";
import { type ConsistencyRow, gapsByNode } from "./gapsByNode";
import { type KpiFlowNode, KpiNode } from "./KpiNode";
import { treeTexts } from "./texts";
import {
  layoutTree,
  NODE_HEIGHT,
  NODE_WIDTH,
  neighbourOf,
  subtreeIds,
  TREE_KEYS,
  type TreeKey,
  type TreeLayout,
  toggleCollapsed,
} from "./treeLayout";
import { WhatIfPanel } from "./WhatIfPanel";

registerTexts("tree", treeTexts);

const nodeTypes: NodeTypes = { kpi: KpiNode };
const edgeTypes: EdgeTypes = { formula: FormulaEdge };

/**
 * The plan as an interactive tree (React Flow, laid out top-down by d3-hierarchy): every node
 * with its numbers and status, formulas on the edges, gaps where the targets do not add up,
 * and the what-if panel beside it. Loaded on demand.
 */
export default function TreePage({ selection }: { selection: PlanAndPeriod }) {
  const { t, i18n } = useTranslation();
  const lang = currentLang(i18n.language);
  const { plan, period, calendar } = selection;
  const id = period && periodId(period);
  const nodes = usePlanNodes(plan?.id);
  const evaluation = useEvaluation(plan?.id, id);

  if (selection.error) return <LoadError error={selection.error} onRetry={selection.refetch} />;
  if (selection.isPending) return <Loading />;
  if (!plan || !period || !calendar || !id)
    return <Empty title={t("common.noPlans")}>{t("common.noPlansHint")}</Empty>;
  const error = nodes.error ?? evaluation.error;

  return (
    <>
      <div className="page-head">
        <h1>{t("tree.title")}</h1>
        {evaluation.data && <p className="muted as-of">{t("period.asOf", { date: evaluation.data.asOf })}</p>}
      </div>
      <PeriodPicker period={period} calendar={calendar} onChange={selection.selectPeriod} />
      {error ? (
        <LoadError
          error={error}
          onRetry={() => {
            void nodes.refetch();
            void evaluation.refetch();
          }}
        />
      ) : !nodes.data || !evaluation.data ? (
        <Loading />
      ) : nodes.data.length === 0 ? (
        <Empty title={t("tree.empty")} />
      ) : (
        <TreeWorkspace
          planId={plan.id}
          period={id}
          periodText={periodLabel(period, lang)}
          nodes={nodes.data}
          evaluation={evaluation.data}
          stale={evaluation.isPlaceholderData}
          search={selection.search}
          lang={lang}
        />
      )}
    </>
  );
}

interface WorkspaceProps {
  planId: string;
  period: string;
  periodText: string;
  nodes: PlanNode[];
  evaluation: Evaluation;
  stale: boolean;
  search: string;
  lang: Lang;
}

function TreeWorkspace({
  planId,
  period,
  periodText,
  nodes,
  evaluation,
  stale,
  search,
  lang,
}: WorkspaceProps) {
  const { t } = useTranslation();
  const views = useMemo(() => joinNumbers(nodes, evaluation), [nodes, evaluation]);
  const roots = useMemo(() => buildTree(views), [views]);
  const byId = useMemo(() => new Map(views.map((v) => [v.node.id, v])), [views]);
  const goals = useMemo(() => views.filter((v) => v.node.role === "kgi" && v.node.formula), [views]);
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(() => new Set());
  const layout = useMemo(() => layoutTree(roots, collapsed), [roots, collapsed]);
  const findings = useFindings(planId);
  const gaps = useMemo(() => gapsByNode(findings.data?.consistency, period), [findings.data, period]);
  // The what-if values belong to the period they were typed for.
  const [scenario, setScenario] = useState<{ period: string; values: Record<string, number> }>({
    period,
    values: {},
  });
  const values = scenario.period === period ? scenario.values : {};
  const whatIf = useWhatIf(planId, period, values);
  const changes = useMemo(
    () =>
      Object.keys(values).length > 0 && whatIf.data
        ? new Map(whatIf.data.changes.map((c) => [c.id, c]))
        : new Map<string, WhatIfChange>(),
    [values, whatIf.data],
  );

  return (
    <div className="tree-workspace">
      <section className={`tree tree-canvas${stale ? " stale" : ""}`} aria-label={t("tree.canvas")}>
        <p className="muted small tree-hint">{t("tree.keyboardHint")}</p>
        {findings.error && <p className="muted small">{t("tree.findingsFailed")}</p>}
        <ReactFlowProvider>
          <TreeCanvas
            layout={layout}
            gaps={gaps}
            periodText={periodText}
            changes={changes}
            search={search}
            lang={lang}
            onToggle={(id) => setCollapsed((current) => toggleCollapsed(current, id))}
          />
        </ReactFlowProvider>
      </section>
      <WhatIfPanel
        planId={planId}
        period={period}
        periodText={periodText}
        views={byId}
        goals={goals}
        values={values}
        onValues={(next) => setScenario({ period, values: next })}
        whatIf={whatIf}
        lang={lang}
      />
    </div>
  );
}

interface CanvasProps {
  layout: TreeLayout;
  gaps: ReadonlyMap<string, ConsistencyRow>;
  periodText: string;
  changes: ReadonlyMap<string, WhatIfChange>;
  search: string;
  lang: Lang;
  onToggle: (id: string) => void;
}

function TreeCanvas({ layout, gaps, periodText, changes, search, lang, onToggle }: CanvasProps) {
  const { t } = useTranslation();
  const flow = useReactFlow();
  const [, navigate] = useLocation();
  const box = useRef<HTMLDivElement>(null);
  const hrefOf = useCallback((id: string) => `/kpi/${encodeURIComponent(id)}${search}`, [search]);
  // First view: the first KGI's tree, readable; the fit-view control shows everything.
  const [firstView] = useState(() =>
    layout.nodes[0] ? subtreeIds(layout, layout.nodes[0].id).map((id) => ({ id })) : [],
  );

  const reveal = useCallback(
    (id: string, always: boolean) => {
      const placed = layout.nodes.find((n) => n.id === id);
      const rect = box.current?.getBoundingClientRect();
      if (!placed || !rect) return;
      const topLeft = flow.flowToScreenPosition({ x: placed.x, y: placed.y });
      const bottomRight = flow.flowToScreenPosition({ x: placed.x + NODE_WIDTH, y: placed.y + NODE_HEIGHT });
      const inside =
        topLeft.x >= rect.left &&
        topLeft.y >= rect.top &&
        bottomRight.x <= rect.right &&
        bottomRight.y <= rect.bottom;
      if (always || !inside)
        void flow.setCenter(placed.x + NODE_WIDTH / 2, placed.y + NODE_HEIGHT / 2, {
          zoom: Math.max(flow.getZoom(), 0.6),
          duration: 200,
        });
    },
    [flow, layout],
  );

  const onLinkKey = useCallback(
    (id: string, event: KeyboardEvent<HTMLAnchorElement>) => {
      if (!TREE_KEYS.includes(event.key)) return;
      event.preventDefault();
      const next = neighbourOf(layout, id, event.key as TreeKey);
      if (!next) return;
      box.current
        ?.querySelector<HTMLElement>(`[data-node-link="${CSS.escape(next)}"]`)
        ?.focus({ preventScroll: true });
    },
    [layout],
  );

  const onLinkFocus = useCallback(
    (id: string, event: FocusEvent<HTMLAnchorElement>) => {
      // The browser scrolls the clipped canvas to show a focused element; pan instead.
      for (
        let el: HTMLElement | null = event.currentTarget;
        el && el !== box.current;
        el = el.parentElement
      ) {
        el.scrollTop = 0;
        el.scrollLeft = 0;
      }
      reveal(id, false);
    },
    [reveal],
  );

  const flowNodes = useMemo<KpiFlowNode[]>(
    () =>
      layout.nodes.map((placed) => ({
        id: placed.id,
        type: "kpi",
        position: { x: placed.x, y: placed.y },
        width: NODE_WIDTH,
        height: NODE_HEIGHT,
        draggable: false,
        selectable: false,
        focusable: false,
        data: {
          placed,
          lang,
          href: hrefOf(placed.id),
          periodText,
          gap: gaps.get(placed.id) ?? null,
          change: changes.get(placed.id) ?? null,
          onToggle,
          onLinkKey,
          onLinkFocus,
        },
      })),
    [layout, lang, hrefOf, periodText, gaps, changes, onToggle, onLinkKey, onLinkFocus],
  );
  const flowEdges = useMemo<FormulaFlowEdge[]>(
    () =>
      layout.edges.map((edge) => ({
        id: edge.id,
        source: edge.source,
        target: edge.target,
        type: "formula",
        focusable: false,
        selectable: false,
        data: { formula: edge.formula },
      })),
    [layout],
  );

  return (
    <div className="tree-flow" ref={box}>
      <ReactFlow<KpiFlowNode, FormulaFlowEdge>
        nodes={flowNodes}
        edges={flowEdges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        fitView
        fitViewOptions={{ nodes: firstView, padding: 0.08, maxZoom: 1 }}
        minZoom={0.1}
        maxZoom={1.5}
        nodesDraggable={false}
        nodesConnectable={false}
        nodesFocusable={false}
        edgesFocusable={false}
        elementsSelectable={false}
        deleteKeyCode={null}
        onNodeClick={(event, node) => {
          if ((event.target as Element).closest("a, button")) return;
          navigate(hrefOf(node.id));
        }}
        ariaLabelConfig={{
          "controls.ariaLabel": t("tree.controls.label"),
          "controls.zoomIn.ariaLabel": t("tree.controls.zoomIn"),
          "controls.zoomOut.ariaLabel": t("tree.controls.zoomOut"),
          "controls.fitView.ariaLabel": t("tree.controls.fitView"),
          "controls.interactive.ariaLabel": t("tree.controls.interactive"),
          "minimap.ariaLabel": t("tree.controls.minimap"),
        }}
      >
        <Controls showInteractive={false} fitViewOptions={{ padding: 0.05 }} />
        <MiniMap
          pannable
          zoomable
          ariaLabel={t("tree.controls.minimap")}
          nodeColor={miniMapColour}
          style={{ width: 150, height: 100 }}
        />
      </ReactFlow>
    </div>
  );
}

function miniMapColour(node: KpiFlowNode): string {
  if (node.data.gap) return "#a8201a";
  return node.data.placed.item.view.node.role === "kgi" ? "#1f4fb8" : "#8a919c";
}
