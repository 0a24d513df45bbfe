import { closestMatch } from "../closestMatch.js";
import { ShihyoError } from "../errors.js";
import {
  compileFormula,
  type FormulaNode,
  findCycle,
  formulaReferences,
  isFormulaFunction,
  parseFormula,
} from "../formula/index.js";
import type { Lang } from "../i18n/lang.js";
import { parsePeriod, validateCalendar } from "../period/index.js";
import { type Calendar, GRAINS, type Grain, type Period } from "../period/types.js";
import { modelMessages } from "./messages.js";
import type { Aggregation, Direction, Measurement, Plan, PlanNode, Role, Target } from "./types.js";

/** A problem in a plan, located by its path in the file (`["nodes", 3, "formula"]`). */
export interface PlanIssue {
  code: string;
  path: (string | number)[];
  /** Offset inside the field's text (a formula) where the problem starts, when known. */
  offset?: number;
  text(lang: Lang): string;
}

/** A node with every default applied and its formula compiled. */
export interface PreparedNode {
  readonly index: number;
  readonly id: string;
  readonly role: Role;
  readonly source: PlanNode;
  readonly numeric: boolean;
  readonly direction: Direction;
  readonly range: readonly [number, number] | null;
  /** The grain targets are set for; null only for KSFs. */
  readonly cadence: Grain | null;
  /** The grain data are recorded at. */
  readonly grain: Grain;
  readonly aggregation: Aggregation;
  /** Whether `aggregation` was written in the file (else it was inferred). */
  readonly aggregationDeclared: boolean;
  readonly weight: string | null;
  readonly tolerance: number;
  readonly formula: FormulaNode | null;
  /** Referenced node ids, in order of first appearance; the compiled formula reads them by this order. */
  readonly inputs: readonly string[];
  readonly evaluate: ((values: Float64Array) => number) | null;
  /** Takes data of its own: no formula, or a formula plus a declared grain/aggregation. */
  readonly measured: boolean;
  readonly computed: boolean;
  /** Targets by canonical period id. */
  readonly targets: ReadonlyMap<string, PreparedTarget>;
  readonly parent: string | null;
  readonly children: readonly string[];
}

export interface PreparedTarget extends Target {
  period: Period;
}

export interface PreparedPlan {
  readonly plan: Plan;
  readonly calendar: Calendar;
  readonly nodes: readonly PreparedNode[];
  readonly byId: ReadonlyMap<string, PreparedNode>;
  /** Ids in evaluation order: every node after the nodes its formula (and weight) reads. */
  readonly order: readonly string[];
  /** For each id, the computed nodes whose formula reads it. */
  readonly dependents: ReadonlyMap<string, readonly string[]>;
}

const ID_PATTERN = /^[a-z][a-z0-9_]*$/;
const DEFAULT_TOLERANCE = 0.1;
const RATE_UNITS = new Set(["percent", "ratio", "score", "%"]);

export type PrepareResult = { ok: true; prepared: PreparedPlan } | { ok: false; issues: PlanIssue[] };

type ModelCatalogue = (typeof modelMessages)["en"];

function issue<K extends keyof ModelCatalogue & string>(
  code: K,
  path: (string | number)[],
  params: Parameters<ModelCatalogue[K]>[0],
  offset?: number,
): PlanIssue {
  const render = (lang: Lang) => (modelMessages[lang][code] as (p: typeof params) => string)(params);
  return offset === undefined ? { code, path, text: render } : { code, path, offset, text: render };
}

function fromError(error: unknown, path: (string | number)[]): PlanIssue {
  if (error instanceof ShihyoError) {
    return {
      code: error.code,
      path,
      ...(error.location.offset !== undefined ? { offset: error.location.offset } : {}),
      text: (lang) => error.text(lang),
    };
  }
  throw error;
}

/**
 * Checks a plan's meaning (ids, references, formulas, cycles, periods) and prepares it for
 * evaluation. Structure and types are checked earlier by the file parser; this is what a
 * schema cannot see. Every issue is collected, not just the first.
 */
export function preparePlan(plan: Plan): PrepareResult {
  const issues: PlanIssue[] = [];
  let calendar: Calendar;
  try {
    calendar = validateCalendar(plan.calendar ?? {});
  } catch (error) {
    issues.push(fromError(error, ["calendar"]));
    calendar = validateCalendar({});
  }

  const ids = new Set<string>();
  plan.nodes.forEach((node, i) => {
    if (!ID_PATTERN.test(node.id)) issues.push(issue("plan.badId", ["nodes", i, "id"], { id: node.id }));
    else if (isFormulaFunction(node.id))
      issues.push(issue("plan.reservedId", ["nodes", i, "id"], { id: node.id }));
    if (ids.has(node.id)) issues.push(issue("plan.duplicateId", ["nodes", i, "id"], { id: node.id }));
    ids.add(node.id);
  });
  const numericIds = plan.nodes.filter((n) => n.role !== "ksf").map((n) => n.id);
  const roleOf = new Map(plan.nodes.map((n) => [n.id, n.role]));

  const formulas = new Map<string, FormulaNode>();
  const graph = new Map<string, string[]>();
  const formulaIndex = new Map<string, number>();

  plan.nodes.forEach((node, i) => {
    const at = (field: string) => ["nodes", i, field];
    if (node.parent !== undefined) {
      if (node.parent === node.id) issues.push(issue("plan.selfParent", at("parent"), { id: node.id }));
      else if (!ids.has(node.parent))
        issues.push(
          issue("plan.unknownParent", at("parent"), {
            id: node.parent,
            suggestion: closestMatch(node.parent, ids),
          }),
        );
    }
    if (node.role === "ksf") {
      for (const field of [
        "formula",
        "targets",
        "unit",
        "cadence",
        "grain",
        "aggregation",
        "weight",
      ] as const) {
        if (node[field] !== undefined) issues.push(issue("plan.ksfNumbers", at(field), { field }));
      }
      return;
    }
    if (node.formula !== undefined) {
      try {
        const ast = parseFormula(node.formula);
        const refs = formulaReferences(ast);
        let refsOk = true;
        for (const ref of refs) {
          if (!ids.has(ref)) {
            refsOk = false;
            issues.push(
              issue(
                "plan.unknownReference",
                at("formula"),
                {
                  id: ref,
                  suggestion: closestMatch(ref, numericIds),
                },
                node.formula.indexOf(ref),
              ),
            );
          } else if (roleOf.get(ref) === "ksf") {
            refsOk = false;
            issues.push(issue("plan.referenceToKsf", at("formula"), { id: ref }, node.formula.indexOf(ref)));
          }
        }
        if (refsOk) {
          formulas.set(node.id, ast);
          graph.set(node.id, refs);
          formulaIndex.set(node.id, i);
        }
      } catch (error) {
        issues.push(fromError(error, at("formula")));
      }
    }
    const aggregation = node.aggregation;
    if (aggregation === "weighted_average") {
      if (node.weight === undefined) issues.push(issue("plan.weightMissing", at("aggregation"), undefined));
      else if (!numericIds.includes(node.weight))
        issues.push(
          issue("plan.unknownWeight", at("weight"), {
            id: node.weight,
            suggestion: closestMatch(node.weight, numericIds),
          }),
        );
      else {
        const weightNode = plan.nodes.find((n) => n.id === node.weight)!;
        if ((weightNode.grain ?? "day") !== (node.grain ?? "day"))
          issues.push(
            issue("plan.weightGrain", at("weight"), {
              id: node.weight,
              grain: weightNode.grain ?? "day",
              expected: node.grain ?? "day",
            }),
          );
      }
    } else if (node.weight !== undefined) {
      issues.push(issue("plan.weightUnused", at("weight"), undefined));
    }
    if (node.direction === "range") {
      if (node.range === undefined) issues.push(issue("plan.rangeMissing", at("direction"), undefined));
      else if (node.range[0] > node.range[1])
        issues.push(issue("plan.rangeOrder", at("range"), { min: node.range[0], max: node.range[1] }));
    } else if (node.range !== undefined) {
      issues.push(issue("plan.rangeWithoutDirection", at("range"), undefined));
    }
    if (node.tolerance !== undefined && !(node.tolerance >= 0))
      issues.push(issue("plan.negativeTolerance", at("tolerance"), undefined));
    if (node.grain && node.cadence && GRAINS.indexOf(node.grain) > GRAINS.indexOf(node.cadence))
      issues.push(
        issue("plan.grainCoarserThanCadence", at("grain"), { grain: node.grain, cadence: node.cadence }),
      );
  });

  // A cycle is reported once, on the first node of it that the file lists.
  const cycle = findCycle(graph);
  if (cycle) {
    const first = Math.min(...cycle.map((id) => formulaIndex.get(id) ?? Number.POSITIVE_INFINITY));
    issues.push(issue("plan.formulaCycle", ["nodes", first, "formula"], { cycle: cycle.join(" → ") }));
  }
  const parentCycle = findParentCycle(plan.nodes);
  if (parentCycle) {
    const first = plan.nodes.findIndex((n) => n.id === parentCycle[0]);
    issues.push(issue("plan.parentCycle", ["nodes", first, "parent"], { cycle: parentCycle.join(" → ") }));
  }

  // Targets: canonical period ids at one grain, which is the cadence.
  const targetMaps = new Map<string, Map<string, PreparedTarget>>();
  const cadences = new Map<string, Grain>();
  plan.nodes.forEach((node, i) => {
    if (node.role === "ksf") return;
    const map = new Map<string, PreparedTarget>();
    const grains = new Set<Grain>();
    for (const [text, target] of Object.entries(node.targets ?? {})) {
      const path = ["nodes", i, "targets", text];
      let period: Period;
      try {
        period = parsePeriod(text, calendar);
      } catch (error) {
        const reason = fromError(error, path);
        issues.push({
          code: "plan.badTargetPeriod",
          path,
          text: (lang) => modelMessages[lang]["plan.badTargetPeriod"]({ text, reason: reason.text(lang) }),
        });
        continue;
      }
      for (const field of ["value", "baseline"] as const) {
        const v = target[field];
        if (v !== undefined && !Number.isFinite(v))
          issues.push(issue("plan.badNumber", [...path, field], { field }));
      }
      grains.add(period.grain);
      if (node.cadence && period.grain !== node.cadence)
        issues.push(
          issue("plan.targetGrain", path, { period: text, grain: period.grain, cadence: node.cadence }),
        );
      map.set(period.id, { ...target, period });
    }
    if (!node.cadence && grains.size > 1)
      issues.push(
        issue("plan.mixedTargetGrains", ["nodes", i, "targets"], { grains: [...grains].join(", ") }),
      );
    targetMaps.set(node.id, map);
    cadences.set(node.id, node.cadence ?? [...grains][0] ?? "month");
  });

  for (const found of checkDataRows(plan.nodes, plan.data ?? [], calendar)) issues.push(found);
  if (issues.length > 0) return { ok: false, issues };

  const order = evaluationOrder(plan.nodes, graph);
  const children = new Map<string, string[]>();
  for (const node of plan.nodes) {
    if (node.parent) children.set(node.parent, [...(children.get(node.parent) ?? []), node.id]);
  }
  const dependents = new Map<string, string[]>();
  for (const [id, refs] of graph) {
    for (const ref of refs) dependents.set(ref, [...(dependents.get(ref) ?? []), id]);
  }

  const nodes: PreparedNode[] = plan.nodes.map((node, index) => {
    const formula = formulas.get(node.id) ?? null;
    const inputs = formula ? formulaReferences(formula) : [];
    const numeric = node.role !== "ksf";
    const cadence = numeric ? cadences.get(node.id)! : null;
    const measured = numeric && (!formula || node.grain !== undefined || node.aggregation !== undefined);
    const slot = new Map(inputs.map((id, k) => [id, k]));
    return {
      index,
      id: node.id,
      role: node.role,
      source: node,
      numeric,
      direction: node.direction ?? "up",
      range: node.range ?? null,
      cadence,
      grain: node.grain ?? (measured || !cadence ? "day" : cadence),
      aggregation: node.aggregation ?? inferAggregation(node),
      aggregationDeclared: node.aggregation !== undefined,
      weight: node.weight ?? null,
      tolerance: node.tolerance ?? DEFAULT_TOLERANCE,
      formula,
      inputs,
      evaluate: formula ? compileFormula(formula, (id) => slot.get(id)!) : null,
      measured,
      computed: formula !== null,
      targets: targetMaps.get(node.id) ?? new Map(),
      parent: node.parent ?? null,
      children: children.get(node.id) ?? [],
    };
  });
  const byId = new Map(nodes.map((n) => [n.id, n]));
  return { ok: true, prepared: { plan, calendar, nodes, byId, order, dependents } };
}

/** The file's own `data:` rows: known measured node, a period at its grain, a finite value. */
/**
 * The checks of actuals against a plan's nodes (a file's `data:`, or rows sent to the server):
 * the node exists and has numbers of its own, the value is finite, the period is written at the
 * node's grain. Paths are `["data", index, field]`. Each distinct period text is parsed once.
 */
export function checkDataRows(
  nodes: readonly PlanNode[],
  rows: readonly Measurement[],
  calendar: Calendar,
): PlanIssue[] {
  const issues: PlanIssue[] = [];
  // Per node, once: why it cannot take actuals, or the grain its actuals are written at.
  const accepts = new Map<string, Grain | "data.notNumeric" | "data.computedOnly">();
  for (const node of nodes)
    accepts.set(
      node.id,
      node.role === "ksf"
        ? "data.notNumeric"
        : node.formula !== undefined && node.grain === undefined && node.aggregation === undefined
          ? "data.computedOnly"
          : (node.grain ?? "day"),
    );
  let ids: string[] | null = null;
  const periods = new Map<string, Period | PlanIssue>();
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    const accepted = accepts.get(row.node);
    if (accepted === undefined) {
      ids ??= nodes.map((n) => n.id);
      issues.push(
        issue("data.unknownNode", ["data", i, "node"], {
          id: row.node,
          suggestion: closestMatch(row.node, ids),
        }),
      );
      continue;
    }
    if (accepted === "data.notNumeric" || accepted === "data.computedOnly") {
      issues.push(issue(accepted, ["data", i, "node"], { id: row.node }));
      continue;
    }
    if (!Number.isFinite(row.value)) issues.push(issue("data.notFinite", ["data", i, "value"], undefined));
    let parsed = periods.get(row.period);
    if (parsed === undefined) {
      try {
        parsed = parsePeriod(row.period, calendar);
      } catch (error) {
        parsed = fromError(error, []);
      }
      periods.set(row.period, parsed);
    }
    if ("code" in parsed) {
      const reason = parsed;
      const text = row.period;
      issues.push({
        code: "data.badPeriod",
        path: ["data", i, "period"],
        text: (lang) => modelMessages[lang]["data.badPeriod"]({ text, reason: reason.text(lang) }),
      });
      continue;
    }
    if (parsed.grain !== accepted)
      issues.push(
        issue("data.periodGrain", ["data", i, "period"], {
          period: row.period,
          grain: parsed.grain,
          expected: accepted,
        }),
      );
  }
  return issues;
}

/**
 * Aggregation when the file names none. A computed node's own targets for a ratio-like
 * unit (percent, ratio, score) roll up as a mean, everything else as a sum — so monthly
 * win-rate targets of 20 % make a 20 % quarter, and 100 leads a month make 300.
 */
function inferAggregation(node: PlanNode): Aggregation {
  if (node.formula !== undefined && node.unit !== undefined && RATE_UNITS.has(node.unit)) return "average";
  return "sum";
}

function evaluationOrder(nodes: readonly PlanNode[], graph: Map<string, string[]>): string[] {
  const order: string[] = [];
  const state = new Map<string, 1 | 2>();
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const deps = (id: string) => {
    const node = byId.get(id);
    const refs = [...(graph.get(id) ?? [])];
    if (node?.weight) refs.push(node.weight);
    return refs;
  };
  for (const start of nodes) {
    if (state.has(start.id)) continue;
    const stack: { id: string; refs: string[]; next: number }[] = [
      { id: start.id, refs: deps(start.id), next: 0 },
    ];
    state.set(start.id, 1);
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      if (top.next < top.refs.length) {
        const ref = top.refs[top.next++]!;
        if (!state.has(ref)) {
          state.set(ref, 1);
          stack.push({ id: ref, refs: deps(ref), next: 0 });
        }
      } else {
        stack.pop();
        state.set(top.id, 2);
        order.push(top.id);
      }
    }
  }
  return order;
}

function findParentCycle(nodes: readonly PlanNode[]): string[] | null {
  const parentOf = new Map(nodes.map((n) => [n.id, n.parent]));
  const done = new Set<string>();
  for (const node of nodes) {
    const seen: string[] = [];
    let id: string | undefined = node.id;
    while (id !== undefined && !done.has(id)) {
      const at = seen.indexOf(id);
      if (at >= 0) return [...seen.slice(at), id];
      seen.push(id);
      const parent = parentOf.get(id);
      id = parent === id ? undefined : parent;
    }
    for (const s of seen) done.add(s);
  }
  return null;
}
