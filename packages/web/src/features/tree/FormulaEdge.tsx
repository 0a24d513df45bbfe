import { BaseEdge, type Edge, EdgeLabelRenderer, type EdgeProps, getSmoothStepPath } from "@xyflow/react";
import { useTranslation } from "react-i18next";

export interface FormulaEdgeData extends Record<string, unknown> {
  /** The parent's formula, on the first edge of a fork only. */
  formula: string | null;
}
export type FormulaFlowEdge = Edge<FormulaEdgeData, "formula">;

/** A parent → child line; the first line of a fork carries the parent's formula at its top. */
export function FormulaEdge({
  id,
  sourceX,
  sourceY,
  targetX,
  targetY,
  sourcePosition,
  targetPosition,
  data,
}: EdgeProps<FormulaFlowEdge>) {
  const { t } = useTranslation();
  const [path] = getSmoothStepPath({
    sourceX,
    sourceY,
    sourcePosition,
    targetX,
    targetY,
    targetPosition,
    borderRadius: 10,
  });
  return (
    <>
      <BaseEdge id={id} path={path} className="tree-edge" />
      {data?.formula && (
        <EdgeLabelRenderer>
          <div
            className="formula-label"
            style={{ transform: `translate(-50%, 0) translate(${sourceX}px, ${sourceY + 6}px)` }}
          >
            <span className="visually-hidden">{t("tree.formula")} </span>
            <code className="formula">= {data.formula}</code>
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
}
