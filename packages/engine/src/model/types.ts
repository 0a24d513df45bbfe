import type { Lang } from "../i18n/lang.js";
import type { Calendar, Grain } from "../period/types.js";

export type Role = "kgi" | "ksf" | "kpi";
export const ROLES: readonly Role[] = ["kgi", "ksf", "kpi"];

export type Direction = "up" | "down" | "range";
export const DIRECTIONS: readonly Direction[] = ["up", "down", "range"];

export type Aggregation = "sum" | "average" | "weighted_average" | "last" | "first" | "min" | "max";
export const AGGREGATIONS: readonly Aggregation[] = [
  "sum",
  "average",
  "weighted_average",
  "last",
  "first",
  "min",
  "max",
];

export type Basis = "past" | "benchmark" | "stretch";
export const BASES: readonly Basis[] = ["past", "benchmark", "stretch"];

/** A target for one period of the node's cadence. */
export interface Target {
  value: number;
  /** The "from" of "NPS 50 → 60". */
  baseline?: number;
  basis?: Basis;
  note?: string;
}

/**
 * A node as written in the KPI file. Optional fields stay absent when the file leaves
 * them out, so that writing the plan back gives the same file; defaults are applied by
 * `preparePlan`.
 */
export interface PlanNode {
  id: string;
  role: Role;
  name?: string;
  parent?: string;
  definition?: string;
  unit?: string;
  direction?: Direction;
  range?: [number, number];
  cadence?: Grain;
  grain?: Grain;
  aggregation?: Aggregation;
  weight?: string;
  formula?: string;
  tolerance?: number;
  owner?: string;
  department?: string;
  tags?: string[];
  /** Keyed by canonical period id. */
  targets?: Record<string, Target>;
}

/** One actual: a value of a node for one period at the node's grain. */
export interface Measurement {
  node: string;
  period: string;
  value: number;
  /** Absent or "" = not segmented. */
  segment?: string;
}

export type Severity = "error" | "warning" | "info";

/** Per-rule settings from the file's `lint.rules`: off, a severity, or options. */
export type LintRuleSetting =
  | "off"
  | Severity
  | ({ severity?: Severity | "off" } & Record<string, number | string | boolean | undefined>);

export interface LintConfig {
  rules?: Record<string, LintRuleSetting>;
}

/** A whole plan: what one KPI file holds. */
export interface Plan {
  version: 1;
  name: string;
  calendar?: Partial<Calendar>;
  nodes: PlanNode[];
  lint?: LintConfig;
  /** Optional actuals kept in the file itself. */
  data?: Measurement[];
}

export type { Lang };
