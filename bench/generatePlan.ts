/**
 * The benchmark's KPI plan: a deterministic (seeded) tree of 1,000 nodes and three fiscal
 * years of daily data for every measured node.
 *
 * - 400 computed nodes (KGI roots at depth 0, KPIs at depth 1–5), each a formula over its
 *   2–4 children in the tree, sometimes plus one node of another branch deeper down (a
 *   shared input, as `win_rate` is shared in real plans). Formulas mix + - * / and now and
 *   then min, max and if.
 * - 600 measured leaves at depth 1–6, aggregation mostly `sum`, some `average` and `last`,
 *   with one value a day for FY2023–FY2025: 2023-04-01 .. 2026-03-31, 1,096 days
 *   (≈ 657,600 rows). Every value is positive.
 * - Denominators are only nodes that are positive by construction (no subtraction below
 *   them), so no division by zero can occur even after the bench edits a value; a formula
 *   is kept only if its values over all 51 periods stay finite and below 1e12 in size.
 * - Monthly targets on the KGIs and a quarter of the other nodes, so that assessments
 *   have progress and status to compute.
 *
 * The expressions are kept as a small tree of their own (not the engine's AST), so the
 * floor and HyperFormula baselines are built independently of the engine's parser.
 */
import { type Measurement, type Plan, type PlanNode, seededRandom, type Target } from "@shihyo/engine";

export type BinaryOp = "+" | "-" | "*" | "/";

export type Expr =
  | { kind: "ref"; node: number }
  | { kind: "const"; value: number }
  | { kind: "bin"; op: BinaryOp; left: Expr; right: Expr }
  | { kind: "call"; fn: "min" | "max"; args: Expr[] }
  | { kind: "if"; op: ">" | "<"; left: Expr; right: Expr; then: Expr; otherwise: Expr };

export type LeafAggregation = "sum" | "average" | "last";

export interface BenchNode {
  index: number;
  id: string;
  depth: number;
  /** Tree parent (index), null for the KGI roots. */
  parent: number | null;
  /** The formula for computed nodes, null for measured leaves. */
  expr: Expr | null;
  formula: string | null;
  /** Nodes the formula reads (distinct). */
  inputs: number[];
  /** Measured leaves only. */
  aggregation: LeafAggregation | null;
}

export type BenchGrain = "month" | "quarter" | "year";

export interface BenchPeriod {
  id: string;
  grain: BenchGrain;
  /** Index of the period's first and last day in the daily columns (inclusive). */
  first: number;
  last: number;
}

export interface BenchModel {
  plan: Plan;
  nodes: BenchNode[];
  /** 36 months, then 12 fiscal quarters, then 3 fiscal years. */
  periods: BenchPeriod[];
  /** `YYYY-MM-DD` of each day of data. */
  dayIds: string[];
  /** One value per day for each measured node; null for computed nodes. */
  daily: (Float64Array | null)[];
  /** The as-of day of the bench: the day after the last data. */
  asOf: string;
  seed: number;
}

export const FIRST_DAY = "2023-04-01";
export const LAST_DAY = "2026-03-31";
const FIRST_FISCAL_YEAR = 2023;
const FISCAL_YEARS = 3;

/** Computed nodes per depth (0..5) and measured leaves per depth (0..6): 400 + 600. */
const COMPUTED_PER_DEPTH = [5, 15, 40, 80, 120, 140];
const LEAVES_PER_DEPTH = [0, 2, 10, 40, 100, 160, 288];
const CROSS_LINK_SHARE = 0.15;
const MAX_MAGNITUDE = 1e12;

const MS_PER_DAY = 86_400_000;

function utcDay(iso: string): number {
  return (
    Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / MS_PER_DAY
  );
}

function isoOfUtcDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** The 51 periods as day-index ranges, worked out here from the dates (not by the engine). */
export function benchPeriods(dayIds: readonly string[]): BenchPeriod[] {
  const monthOf = (i: number) => dayIds[i]!.slice(0, 7);
  const months: BenchPeriod[] = [];
  for (let i = 0; i < dayIds.length; i++) {
    const id = monthOf(i);
    const open = months[months.length - 1];
    if (open && open.id === id) open.last = i;
    else months.push({ id, grain: "month", first: i, last: i });
  }
  const quarters: BenchPeriod[] = [];
  const years: BenchPeriod[] = [];
  for (let y = 0; y < FISCAL_YEARS; y++) {
    const fy = FIRST_FISCAL_YEAR + y;
    for (let q = 0; q < 4; q++) {
      const m = y * 12 + q * 3;
      quarters.push({
        id: `FY${fy}-Q${q + 1}`,
        grain: "quarter",
        first: months[m]!.first,
        last: months[m + 2]!.last,
      });
    }
    years.push({
      id: `FY${fy}`,
      grain: "year",
      first: months[y * 12]!.first,
      last: months[y * 12 + 11]!.last,
    });
  }
  return [...months, ...quarters, ...years];
}

/** A leaf's value for a period, from its daily column: the floor and the generator share this. */
export function aggregate(
  column: Float64Array,
  aggregation: LeafAggregation,
  first: number,
  last: number,
): number {
  if (aggregation === "last") return column[last]!;
  let acc = 0;
  for (let i = first; i <= last; i++) acc += column[i]!;
  return aggregation === "sum" ? acc : acc / (last - first + 1);
}

/** Reference semantics of an expression (NaN: no value), as SEMANTICS §2.2 states them. */
export function evaluateExpr(expr: Expr, valueOfNode: (node: number) => number): number {
  const finite = (x: number) => x - x === 0;
  const run = (e: Expr): number => {
    switch (e.kind) {
      case "ref":
        return valueOfNode(e.node);
      case "const":
        return e.value;
      case "bin": {
        const a = run(e.left);
        const b = run(e.right);
        if (e.op === "+") return a + b;
        if (e.op === "-") return a - b;
        if (e.op === "*") return a * b;
        if (b === 0 || !finite(a) || !finite(b)) return Number.NaN;
        return a / b;
      }
      case "call": {
        let best = run(e.args[0]!);
        if (!finite(best)) return Number.NaN;
        for (const arg of e.args.slice(1)) {
          const x = run(arg);
          if (!finite(x)) return Number.NaN;
          if (e.fn === "min" ? x < best : x > best) best = x;
        }
        return best;
      }
      case "if": {
        const a = run(e.left);
        const b = run(e.right);
        if (!finite(a) || !finite(b)) return Number.NaN;
        return (e.op === ">" ? a > b : a < b) ? run(e.then) : run(e.otherwise);
      }
    }
  };
  const result = run(expr);
  return finite(result) ? result + 0 : Number.NaN;
}

/** Formula text; `name` spells a reference (a node id, or a cell address for HyperFormula). */
export function formatExpr(expr: Expr, name: (node: number) => string, upperFunctions = false): string {
  const fn = (f: string) => (upperFunctions ? f.toUpperCase() : f);
  const wrap = (e: Expr) => (e.kind === "bin" ? `(${format(e)})` : format(e));
  const format = (e: Expr): string => {
    switch (e.kind) {
      case "ref":
        return name(e.node);
      case "const":
        return String(e.value);
      case "bin":
        return `${wrap(e.left)} ${e.op} ${wrap(e.right)}`;
      case "call":
        return `${fn(e.fn)}(${e.args.map(format).join(", ")})`;
      case "if":
        return `${fn("if")}(${format(e.left)} ${e.op} ${format(e.right)}, ${format(e.then)}, ${format(e.otherwise)})`;
    }
  };
  return format(expr);
}

/** Whether an expression is positive whenever the nodes it reads that `positive` marks are. */
function positiveByConstruction(e: Expr, positive: readonly boolean[]): boolean {
  switch (e.kind) {
    case "ref":
      return positive[e.node]!;
    case "const":
      return e.value > 0;
    case "bin":
      return (
        e.op !== "-" && positiveByConstruction(e.left, positive) && positiveByConstruction(e.right, positive)
      );
    case "call":
      return e.args.every((a) => positiveByConstruction(a, positive));
    case "if":
      return positiveByConstruction(e.then, positive) && positiveByConstruction(e.otherwise, positive);
  }
}

const ref = (node: number): Expr => ({ kind: "ref", node });
const bin = (op: BinaryOp, left: Expr, right: Expr): Expr => ({ kind: "bin", op, left, right });
const add = (a: Expr, b: Expr) => bin("+", a, b);
const sub = (a: Expr, b: Expr) => bin("-", a, b);
const mul = (a: Expr, b: Expr) => bin("*", a, b);
const div = (a: Expr, b: Expr) => bin("/", a, b);
const min = (...args: Expr[]): Expr => ({ kind: "call", fn: "min", args });
const max = (...args: Expr[]): Expr => ({ kind: "call", fn: "max", args });
const ifGreater = (left: Expr, right: Expr, then: Expr, otherwise: Expr): Expr => ({
  kind: "if",
  op: ">",
  left,
  right,
  then,
  otherwise,
});

interface Template {
  arity: number;
  weight: number;
  /** Inputs that must be positive by construction (they end up in a denominator). */
  positive: number[];
  build: (r: Expr[]) => Expr;
}

const TEMPLATES: Template[] = [
  { arity: 2, weight: 3, positive: [], build: ([a, b]) => add(a!, b!) },
  { arity: 2, weight: 2, positive: [], build: ([a, b]) => mul(a!, b!) },
  { arity: 2, weight: 3, positive: [1], build: ([a, b]) => div(a!, b!) },
  { arity: 2, weight: 1, positive: [], build: ([a, b]) => sub(a!, b!) },
  { arity: 2, weight: 0.5, positive: [], build: ([a, b]) => max(a!, b!) },
  { arity: 2, weight: 0.5, positive: [], build: ([a, b]) => min(a!, b!) },
  { arity: 3, weight: 2, positive: [], build: ([a, b, c]) => add(add(a!, b!), c!) },
  { arity: 3, weight: 3, positive: [2], build: ([a, b, c]) => div(mul(a!, b!), c!) },
  { arity: 3, weight: 2, positive: [2], build: ([a, b, c]) => div(add(a!, b!), c!) },
  { arity: 3, weight: 1, positive: [], build: ([a, b, c]) => add(sub(a!, b!), c!) },
  { arity: 3, weight: 1, positive: [], build: ([a, b, c]) => sub(mul(a!, b!), c!) },
  { arity: 3, weight: 0.7, positive: [], build: ([a, b, c]) => mul(min(a!, b!), c!) },
  { arity: 3, weight: 0.7, positive: [], build: ([a, b, c]) => ifGreater(a!, b!, mul(a!, c!), add(b!, c!)) },
  { arity: 4, weight: 2, positive: [], build: ([a, b, c, d]) => add(add(add(a!, b!), c!), d!) },
  { arity: 4, weight: 3, positive: [2, 3], build: ([a, b, c, d]) => div(mul(a!, b!), add(c!, d!)) },
  { arity: 4, weight: 2, positive: [2, 3], build: ([a, b, c, d]) => div(add(a!, b!), add(c!, d!)) },
  { arity: 4, weight: 1, positive: [2], build: ([a, b, c, d]) => sub(div(mul(a!, b!), c!), d!) },
  { arity: 4, weight: 1, positive: [3], build: ([a, b, c, d]) => div(mul(sub(a!, b!), c!), d!) },
  { arity: 4, weight: 0.7, positive: [], build: ([a, b, c, d]) => add(max(a!, b!), min(c!, d!)) },
  {
    arity: 4,
    weight: 0.7,
    positive: [1],
    build: ([a, b, c, d]) => div(mul(ifGreater(a!, b!, c!, d!), a!), b!),
  },
];

const FALLBACK: Template = {
  arity: 0,
  weight: 0,
  positive: [],
  build: (r) => r.slice(1).reduce((acc, e) => add(acc, e), r[0]!),
};

function shuffle<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

function pickWeighted<T extends { weight: number }>(items: readonly T[], random: () => number): T {
  const total = items.reduce((s, t) => s + t.weight, 0);
  let x = random() * total;
  for (const item of items) {
    x -= item.weight;
    if (x < 0) return item;
  }
  return items[items.length - 1]!;
}

/** Values of the leaf with this shape, one a day, all positive. */
function dailyColumn(aggregation: LeafAggregation, days: number, random: () => number): Float64Array {
  const column = new Float64Array(days);
  if (aggregation === "sum") {
    // Amounts and counts: weekly rhythm, a trend, noise; 2 decimals.
    const base = 10 ** (random() * 3);
    const growth = -0.0002 + random() * 0.001;
    const phase = random() * 7;
    for (let i = 0; i < days; i++) {
      const week = 1 + 0.3 * Math.sin((2 * Math.PI * (i + phase)) / 7);
      const v = base * (1 + growth * i) * week * (0.8 + 0.4 * random());
      column[i] = Math.max(0.01, Math.round(v * 100) / 100);
    }
  } else if (aggregation === "average") {
    // A rate recorded daily (a satisfaction score, a conversion rate): 4 decimals.
    const level = 0.02 + random() * 0.88;
    for (let i = 0; i < days; i++) column[i] = Math.round(level * (0.9 + 0.2 * random()) * 10_000) / 10_000;
  } else {
    // A stock (customers, MRR): a slow random walk; 2 decimals.
    let level = 100 + random() * 9_900;
    for (let i = 0; i < days; i++) {
      level *= 1 + 0.01 * (random() - 0.45);
      column[i] = Math.round(level * 100) / 100;
    }
  }
  return column;
}

export function generatePlan(seed = 20_260_401): BenchModel {
  const random = seededRandom(seed);
  const firstUtc = utcDay(FIRST_DAY);
  const dayCount = utcDay(LAST_DAY) - firstUtc + 1;
  const dayIds = Array.from({ length: dayCount }, (_, i) => isoOfUtcDay(firstUtc + i));
  const periods = benchPeriods(dayIds);

  // 1. The tree: nodes by depth, computed ones first in each depth.
  const nodes: BenchNode[] = [];
  const byDepth: number[][] = [];
  for (let depth = 0; depth < LEAVES_PER_DEPTH.length; depth++) {
    const level: number[] = [];
    const computed = COMPUTED_PER_DEPTH[depth] ?? 0;
    const leaves = LEAVES_PER_DEPTH[depth]!;
    for (let k = 0; k < computed + leaves; k++) {
      const index = nodes.length;
      const isLeaf = k >= computed;
      const roll = random();
      nodes.push({
        index,
        id: `${depth === 0 ? "kgi" : "kpi"}_${String(index).padStart(4, "0")}`,
        depth,
        parent: null,
        expr: null,
        formula: null,
        inputs: [],
        aggregation: isLeaf ? (roll < 0.8 ? "sum" : roll < 0.92 ? "average" : "last") : null,
      });
      level.push(index);
    }
    byDepth.push(level);
  }
  const isComputed = (i: number) => nodes[i]!.aggregation === null;

  // 2. Each node of depth d+1 gets a parent among the computed nodes of depth d; each of
  //    those gets 2–4 children.
  for (let depth = 0; depth + 1 < byDepth.length; depth++) {
    const parents = byDepth[depth]!.filter(isComputed);
    const children = shuffle([...byDepth[depth + 1]!], random);
    if (children.length < 2 * parents.length || children.length > 4 * parents.length)
      throw new Error(
        `depth ${depth + 1}: ${children.length} nodes cannot give ${parents.length} parents 2–4 each`,
      );
    const counts = parents.map(() => 2);
    for (let extra = children.length - 2 * parents.length; extra > 0; extra--) {
      const open = counts.flatMap((c, i) => (c < 4 ? [i] : []));
      counts[open[Math.floor(random() * open.length)]!]!++;
    }
    let next = 0;
    parents.forEach((p, i) => {
      for (let c = 0; c < counts[i]!; c++) {
        const child = children[next++]!;
        nodes[child]!.parent = p;
        nodes[p]!.inputs.push(child);
      }
    });
  }

  // 3. Shared inputs: some computed nodes with fewer than 4 inputs also read a node of
  //    another branch deeper down (still acyclic: references only go deeper).
  for (const node of nodes) {
    if (!isComputed(node.index) || node.inputs.length >= 4 || random() >= CROSS_LINK_SHARE) continue;
    const deeper = nodes.filter((n) => n.depth > node.depth + 1 && !node.inputs.includes(n.index));
    if (deeper.length > 0) node.inputs.push(deeper[Math.floor(random() * deeper.length)]!.index);
  }

  // 4. Data of the leaves and their period values.
  const daily: (Float64Array | null)[] = nodes.map((n) =>
    n.aggregation === null ? null : dailyColumn(n.aggregation, dayCount, random),
  );
  const values: Float64Array[] = nodes.map(() => new Float64Array(periods.length).fill(Number.NaN));
  for (const n of nodes) {
    const column = daily[n.index];
    if (!column || n.aggregation === null) continue;
    periods.forEach((p, s) => {
      values[n.index]![s] = aggregate(column, n.aggregation!, p.first, p.last);
    });
  }

  // 5. Formulas, deepest first so each candidate can be tried on its inputs' real values.
  const positive = nodes.map((n) => n.aggregation !== null);
  for (let depth = byDepth.length - 1; depth >= 0; depth--) {
    for (const index of byDepth[depth]!) {
      if (!isComputed(index)) continue;
      const node = nodes[index]!;
      const arity = node.inputs.length;
      const candidates = TEMPLATES.filter((t) => t.arity === arity);
      let chosen: Expr | null = null;
      for (let attempt = 0; attempt < 24 && chosen === null; attempt++) {
        const template = pickWeighted(candidates, random);
        const order = shuffle([...node.inputs], random);
        if (!template.positive.every((k) => positive[order[k]!])) continue;
        const expr = template.build(order.map(ref));
        if (fits(expr, values, periods.length)) chosen = expr;
      }
      chosen ??= FALLBACK.build(node.inputs.map(ref));
      node.expr = chosen;
      node.formula = formatExpr(chosen, (i) => nodes[i]!.id);
      positive[index] = positiveByConstruction(chosen, positive);
      for (let s = 0; s < periods.length; s++)
        values[index]![s] = evaluateExpr(chosen, (i) => values[i]![s]!);
    }
  }

  // 6. The plan: monthly cadence; monthly targets on the KGIs and a quarter of the others.
  const months = periods.filter((p) => p.grain === "month");
  const planNodes: PlanNode[] = nodes.map((n) => {
    const planNode: PlanNode = {
      id: n.id,
      role: n.depth === 0 ? "kgi" : "kpi",
      name: `${n.depth === 0 ? "KGI" : "KPI"} ${n.index}`,
      unit: "count",
      cadence: "month",
    };
    if (n.parent !== null) planNode.parent = nodes[n.parent]!.id;
    if (n.formula !== null) planNode.formula = n.formula;
    else planNode.aggregation = n.aggregation!;
    if (n.depth === 0 || random() < 0.25) {
      const targets: Record<string, Target> = {};
      months.forEach((m) => {
        const actual = values[n.index]![periods.indexOf(m)]!;
        if (Number.isFinite(actual))
          targets[m.id] = { value: Number((actual * (0.9 + 0.3 * random())).toPrecision(3)) };
      });
      planNode.targets = targets;
    }
    return planNode;
  });

  return {
    plan: { version: 1, name: "bench: 1,000 nodes, 3 years daily", nodes: planNodes },
    nodes,
    periods,
    dayIds,
    daily,
    asOf: isoOfUtcDay(firstUtc + dayCount),
    seed,
  };
}

/** Whether a formula's values stay finite and of a sane size in every period. */
function fits(expr: Expr, values: readonly Float64Array[], periodCount: number): boolean {
  for (let s = 0; s < periodCount; s++) {
    const v = evaluateExpr(expr, (i) => values[i]![s]!);
    if (!Number.isFinite(v) || Math.abs(v) > MAX_MAGNITUDE) return false;
  }
  return true;
}

/** Every daily value as an engine measurement (≈ 657,600 rows). */
export function measurementsOf(model: BenchModel): Measurement[] {
  const rows: Measurement[] = [];
  for (const node of model.nodes) {
    const column = model.daily[node.index];
    if (!column) continue;
    for (let d = 0; d < column.length; d++)
      rows.push({ node: node.id, period: model.dayIds[d]!, value: column[d]! });
  }
  return rows;
}

/** Operator counts over all formulas, for the summary. */
export function formulaMix(model: BenchModel): Record<string, number> {
  const mix: Record<string, number> = {};
  const count = (key: string) => {
    mix[key] = (mix[key] ?? 0) + 1;
  };
  const walk = (e: Expr): void => {
    if (e.kind === "bin") {
      count(e.op);
      walk(e.left);
      walk(e.right);
    } else if (e.kind === "call") {
      count(e.fn);
      e.args.forEach(walk);
    } else if (e.kind === "if") {
      count("if");
      [e.left, e.right, e.then, e.otherwise].forEach(walk);
    }
  };
  for (const n of model.nodes) if (n.expr) walk(n.expr);
  return mix;
}
