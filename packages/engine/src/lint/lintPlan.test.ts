import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Evaluator } from "../evaluate/evaluator.js";
import { preparePlan } from "../model/preparePlan.js";
import type { LintRuleSetting, Measurement, Plan, PlanNode } from "../model/types.js";
import { dayFromIso, isoFromDay } from "../period/index.js";
import { lintPlan } from "./lintPlan.js";
import { type LintFinding, type Review, RULE_IDS, type RuleId } from "./types.js";

const day = (iso: string) => dayFromIso(iso)!;

function lint(
  plan: Plan,
  options: { data?: Measurement[]; asOf?: string; reviews?: Review[] } = {},
): LintFinding[] {
  const result = preparePlan(plan);
  if (!result.ok) throw new Error(result.issues.map((i) => i.text("en")).join("\n"));
  const evaluator = new Evaluator(result.prepared, options.data ?? []);
  return lintPlan({
    prepared: result.prepared,
    evaluator,
    asOf: day(options.asOf ?? "2026-05-15"),
    ...(options.reviews ? { reviews: options.reviews } : {}),
  });
}

const of = (findings: LintFinding[], rule: RuleId) =>
  findings
    .filter((f) => f.rule === rule)
    .map((f) => ({ rule: f.rule, node: f.node, period: f.period, severity: f.severity }));

const Q1_MONTHS = ["2026-04", "2026-05", "2026-06"];
const monthly = (value: number, months = Q1_MONTHS) => Object.fromEntries(months.map((m) => [m, { value }]));

/** A KPI with everything SMART asks for: the baseline the tests take away from. */
function kpi(id: string, overrides: Partial<PlanNode> = {}): PlanNode {
  return {
    id,
    role: "kpi",
    name: id,
    parent: "revenue",
    definition: `Number of ${id}, counted from the CRM`,
    unit: "count",
    cadence: "month",
    grain: "day",
    aggregation: "sum",
    owner: "sales-lead",
    targets: monthly(50),
    ...overrides,
  };
}

function revenue(overrides: Partial<PlanNode> = {}): PlanNode {
  return {
    id: "revenue",
    role: "kgi",
    name: "四半期売上",
    definition: "計上基準の売上高（税抜）",
    unit: "JPY",
    cadence: "quarter",
    formula: "opportunities * win_rate * deal_size",
    owner: "sales-head",
    targets: { "FY2026-Q1": { value: 30_000_000 } },
    ...overrides,
  };
}

/** The article's sales department: 50 opportunities a month, 20 % win rate, 1,000,000 JPY a deal. */
function salesNodes(): PlanNode[] {
  return [
    revenue(),
    kpi("opportunities"),
    kpi("win_rate", { unit: "percent", grain: "month", aggregation: "average", targets: monthly(0.2) }),
    kpi("deal_size", { unit: "JPY", grain: "month", aggregation: "average", targets: monthly(1_000_000) }),
  ];
}

function plan(nodes: PlanNode[], rules?: Record<string, LintRuleSetting>): Plan {
  return { version: 1, name: "test", nodes, ...(rules ? { lint: { rules } } : {}) };
}

function replace(nodes: PlanNode[], id: string, change: Partial<PlanNode>): PlanNode[] {
  return nodes.map((n) => (n.id === id ? { ...n, ...change } : n));
}

function without(node: PlanNode, ...fields: (keyof PlanNode)[]): PlanNode {
  const copy = { ...node };
  for (const f of fields) delete copy[f];
  return copy;
}

function daily(node: string, from: string, to: string, value: number): Measurement[] {
  const rows: Measurement[] = [];
  for (let d = day(from); d <= day(to); d++) rows.push({ node, period: isoFromDay(d), value });
  return rows;
}

/** Complete daily opportunities up to the day before the as-of day, so H1 stays quiet. */
const freshData = () => daily("opportunities", "2026-04-01", "2026-05-14", 2);

describe("a plan that follows every rule", () => {
  it("has no findings, without data", () => {
    expect(lint(plan(salesNodes()))).toEqual([]);
  });

  it("has no findings with fresh data that meets its targets", () => {
    const data = [
      ...daily("opportunities", "2026-04-01", "2026-04-25", 2),
      ...daily("opportunities", "2026-04-26", "2026-05-14", 0),
      { node: "win_rate", period: "2026-04", value: 0.2 },
      { node: "deal_size", period: "2026-04", value: 1_000_000 },
    ];
    // April's actuals are the baselines of May and June.
    const withBaselines = (nodes: PlanNode[], id: string, value: number) =>
      replace(nodes, id, {
        targets: {
          "2026-04": { value },
          "2026-05": { value, baseline: value },
          "2026-06": { value, baseline: value },
        },
      });
    let nodes = withBaselines(salesNodes(), "opportunities", 50);
    nodes = withBaselines(nodes, "win_rate", 0.2);
    nodes = withBaselines(nodes, "deal_size", 1_000_000);
    expect(lint(plan(nodes), { data, asOf: "2026-05-15" }).map((f) => `${f.rule} ${f.node}`)).toEqual([]);
  });
});

describe("S1 definition and unit", () => {
  it("flags each missing field of a numeric node", () => {
    const nodes = replace(salesNodes(), "opportunities", {});
    const bare = nodes.map((n) => (n.id === "opportunities" ? without(n, "definition", "unit") : n));
    const findings = lint(plan(bare));
    expect(of(findings, "S1")).toEqual([
      { rule: "S1", node: "opportunities", period: null, severity: "warning" },
      { rule: "S1", node: "opportunities", period: null, severity: "warning" },
    ]);
    const [definition, unit] = findings.filter((f) => f.rule === "S1");
    expect(definition!.message("en")).toContain("definition");
    expect(unit!.message("en")).toContain("unit");
    expect(unit!.fix("en")).toContain('"unit: count"');
  });

  it("suggests a unit from the node's name", () => {
    const nodes = salesNodes().map((n) => (n.id === "win_rate" ? without(n, "unit") : n));
    const finding = lint(plan(nodes)).find((f) => f.rule === "S1")!;
    expect(finding.node).toBe("win_rate");
    expect(finding.fix("en")).toContain("unit: percent");
  });

  it("is quiet when both are there", () => {
    expect(of(lint(plan(salesNodes())), "S1")).toEqual([]);
  });
});

describe("S2 from → to", () => {
  const data = daily("opportunities", "2026-04-01", "2026-04-30", 2);

  it("flags the earliest open target without a baseline when there is history", () => {
    const findings = lint(plan(salesNodes()), { data });
    expect(of(findings, "S2")).toEqual([
      { rule: "S2", node: "opportunities", period: "2026-05", severity: "info" },
    ]);
    const finding = findings.find((f) => f.rule === "S2")!;
    expect(finding.params).toMatchObject({ reference: 60, referencePeriod: "2026-04", count: 2 });
    expect(finding.fix("en")).toContain("2026-05: { value: 50, baseline: 60 }");
  });

  it("is quiet when the targets have baselines", () => {
    const nodes = replace(salesNodes(), "opportunities", {
      targets: {
        "2026-04": { value: 50 },
        "2026-05": { value: 50, baseline: 60 },
        "2026-06": { value: 50, baseline: 60 },
      },
    });
    expect(of(lint(plan(nodes), { data }), "S2")).toEqual([]);
  });

  it("is quiet without history", () => {
    expect(of(lint(plan(salesNodes())), "S2")).toEqual([]);
  });

  it("takes the latest finished actual for a target further ahead", () => {
    const nodes = replace(salesNodes(), "opportunities", { targets: { "2026-06": { value: 50 } } });
    const finding = lint(plan(nodes), { data }).find((f) => f.rule === "S2")!;
    expect(finding).toMatchObject({ node: "opportunities", period: "2026-06" });
    expect(finding.message("en")).toContain("the latest actual, of 2026-04 (60)");
    expect(finding.message("ja")).toContain("直近（2026-04）の実績 60");
  });
});

describe("M1 a way to get data", () => {
  it("flags a leaf that declares nothing about its data and has none", () => {
    const nodes = salesNodes().map((n) =>
      n.id === "opportunities" ? without(n, "grain", "aggregation") : n,
    );
    const findings = lint(plan(nodes));
    expect(of(findings, "M1")).toEqual([
      { rule: "M1", node: "opportunities", period: null, severity: "warning" },
    ]);
    expect(findings.find((f) => f.rule === "M1")!.fix("en")).toContain("aggregation: sum");
  });

  it("is quiet when the leaf has data, a declared grain, or a formula", () => {
    const bare = salesNodes().map((n) => (n.id === "opportunities" ? without(n, "grain", "aggregation") : n));
    expect(of(lint(plan(bare), { data: freshData() }), "M1")).toEqual([]);
    expect(of(lint(plan(salesNodes())), "M1")).toEqual([]);
  });
});

describe("M2 unmeasurable words", () => {
  const morale = (change: Partial<PlanNode>) =>
    kpi("team_morale", {
      name: "チームの士気",
      unit: "score",
      grain: "month",
      aggregation: "average",
      ...change,
    });

  it("flags a vague name with nothing that says how it is measured", () => {
    const nodes = [...salesNodes(), without(morale({}), "definition")];
    const findings = lint(plan(nodes));
    expect(of(findings, "M2")).toEqual([
      { rule: "M2", node: "team_morale", period: null, severity: "warning" },
    ]);
    expect(findings.find((f) => f.rule === "M2")!.params).toMatchObject({ word: "士気", field: "name" });
  });

  it("flags English words too, and a definition that is as vague", () => {
    const nodes = [
      ...salesNodes(),
      morale({ name: "Team morale", definition: "How motivated the team feels" }),
    ];
    const finding = lint(plan(nodes)).find((f) => f.rule === "M2")!;
    expect(finding.node).toBe("team_morale");
    expect(finding.params).toMatchObject({ word: "morale" });
  });

  it("is quiet when a unit and a measuring definition say how", () => {
    const nodes = [...salesNodes(), morale({ definition: "四半期ごとの社員アンケート（eNPS）のスコア" })];
    expect(of(lint(plan(nodes)), "M2")).toEqual([]);
  });
});

describe("A1 achievable targets", () => {
  /** Revenue recorded per month: FY2025-Q1 made 20,000,000. */
  const lastYear: Measurement[] = [
    { node: "revenue", period: "2025-04", value: 6_000_000 },
    { node: "revenue", period: "2025-05", value: 7_000_000 },
    { node: "revenue", period: "2025-06", value: 7_000_000 },
  ];
  const measuredRevenue = (target: number, extra: Partial<PlanNode> = {}) => [
    revenue({
      formula: undefined,
      grain: "month",
      aggregation: "sum",
      targets: { "FY2026-Q1": { value: target } },
      ...extra,
    }),
    kpi("opportunities"),
  ];
  const strip = (nodes: PlanNode[]) =>
    nodes.map((n) => (n.formula === undefined ? without(n, "formula") : n));

  it("flags growth beyond +50 % over the same period last year, with the numbers", () => {
    const findings = lint(plan(strip(measuredRevenue(40_000_000))), { data: lastYear });
    expect(of(findings, "A1")).toEqual([
      { rule: "A1", node: "revenue", period: "FY2026-Q1", severity: "warning" },
    ]);
    const finding = findings.find((f) => f.rule === "A1")!;
    expect(finding.message("en")).toBe(
      'The target of "四半期売上" (revenue) for FY2026-Q1 (40,000,000) needs +100 % over the actual of FY2025-Q1, a year earlier (20,000,000): beyond the stretch limit of +50 %, it may be unachievable.',
    );
    expect(finding.message("ja")).toContain("前年同期（FY2025-Q1）の実績 20,000,000");
    expect(finding.message("ja")).toContain("+100%");
    expect(finding.fix("en")).toContain("30,000,000");
  });

  it("accepts growth within the limit, and a target marked as a deliberate stretch", () => {
    expect(of(lint(plan(strip(measuredRevenue(28_000_000))), { data: lastYear }), "A1")).toEqual([]);
    const marked = strip(
      measuredRevenue(0, { targets: { "FY2026-Q1": { value: 40_000_000, basis: "stretch" } } }),
    );
    expect(of(lint(plan(marked), { data: lastYear }), "A1")).toEqual([]);
  });

  it("uses the stretch option: +40 % passes by default and is flagged at 0.3", () => {
    const nodes = strip(measuredRevenue(28_000_000));
    expect(of(lint(plan(nodes), { data: lastYear }), "A1")).toEqual([]);
    const strict = lint(plan(nodes, { A1: { stretch: 0.3 } }), { data: lastYear });
    expect(of(strict, "A1")).toEqual([
      { rule: "A1", node: "revenue", period: "FY2026-Q1", severity: "warning" },
    ]);
    expect(strict.find((f) => f.rule === "A1")!.message("en")).toContain("+40 %");
  });

  it("says a target below last year's actual may be too easy (info)", () => {
    const findings = lint(plan(strip(measuredRevenue(18_000_000))), { data: lastYear });
    expect(of(findings, "A1")).toEqual([
      { rule: "A1", node: "revenue", period: "FY2026-Q1", severity: "info" },
    ]);
    expect(findings.find((f) => f.rule === "A1")!.message("en")).toContain("too easy");
  });

  it("falls back to the previous period, and reverses for lower-is-better nodes", () => {
    const april = daily("opportunities", "2026-04-01", "2026-04-30", 2); // 60
    const up = replace(salesNodes(), "opportunities", { targets: { "2026-05": { value: 100 } } });
    const finding = lint(plan(up), { data: april }).find((f) => f.rule === "A1")!;
    expect(finding).toMatchObject({ node: "opportunities", period: "2026-05", severity: "warning" });
    expect(finding.params).toMatchObject({ basis: "previous", reference: 60, referencePeriod: "2026-04" });
    const down = replace(up, "opportunities", { direction: "down", targets: { "2026-05": { value: 70 } } });
    expect(of(lint(plan(down), { data: april }), "A1")).toEqual([
      { rule: "A1", node: "opportunities", period: "2026-05", severity: "info" },
    ]);
    const cut = replace(up, "opportunities", { direction: "down", targets: { "2026-05": { value: 20 } } });
    expect(
      lint(plan(cut), { data: april })
        .find((f) => f.rule === "A1")!
        .message("en"),
    ).toContain("needs a cut of 66.7 %");
  });
});

describe("A2 streaks", () => {
  const months = ["2026-02", "2026-03", "2026-04", "2026-05", "2026-06"];
  const nodes = () => [
    revenue({ formula: "leads * 300000" }),
    kpi("leads", { grain: "month", targets: monthly(100, months) }),
  ];
  const actuals = (...values: number[]): Measurement[] =>
    values.map((value, i) => ({ node: "leads", period: months[i]!, value }));

  it("flags a target missed in each of the last 3 finished periods", () => {
    const findings = lint(plan(nodes()), { data: actuals(80, 90, 70) });
    expect(of(findings, "A2")).toEqual([
      { rule: "A2", node: "leads", period: "2026-04", severity: "warning" },
    ]);
    const message = findings.find((f) => f.rule === "A2")!.message("en");
    expect(message).toContain("last 3 months");
    expect(message).toContain("2026-04: 70 against 100");
  });

  it("is quiet when one of them was met", () => {
    expect(of(lint(plan(nodes()), { data: actuals(80, 100, 70) }), "A2")).toEqual([]);
  });

  it("counts the periods option", () => {
    const data = actuals(100, 90, 70);
    expect(of(lint(plan(nodes()), { data }), "A2")).toEqual([]);
    expect(of(lint(plan(nodes(), { A2: { periods: 2 } }), { data }), "A2")).toEqual([
      { rule: "A2", node: "leads", period: "2026-04", severity: "warning" },
    ]);
  });

  it("says a target beaten by more than 20 % each time may be too easy (info)", () => {
    const findings = lint(plan(nodes()), { data: actuals(130, 125, 140) });
    expect(of(findings, "A2")).toEqual([{ rule: "A2", node: "leads", period: "2026-04", severity: "info" }]);
    expect(findings.find((f) => f.rule === "A2")!.fix("en")).toContain("125");
    expect(of(lint(plan(nodes()), { data: actuals(130, 115, 140) }), "A2")).toEqual([]);
  });
});

describe("R1 every KPI leads to a KGI", () => {
  it("flags a KPI with neither a parent nor a formula leading to a KGI", () => {
    const stray = without(kpi("site_redesigns"), "parent");
    const findings = lint(plan([...salesNodes(), stray]));
    expect(of(findings, "R1")).toEqual([
      { rule: "R1", node: "site_redesigns", period: null, severity: "warning" },
    ]);
    expect(findings.find((f) => f.rule === "R1")!.fix("en")).toContain('"parent: revenue"');
  });

  it("accepts a KPI that only a KGI's formula reads, and one under a KSF", () => {
    const nodes = [
      ...salesNodes().map((n) => (n.id === "deal_size" ? without(n, "parent") : n)),
      { id: "pipeline", role: "ksf" as const, name: "商談の創出", parent: "revenue" },
      kpi("calls", { parent: "pipeline" }),
    ];
    expect(of(lint(plan(nodes)), "R1")).toEqual([]);
  });

  it("reports a plan without any KGI once", () => {
    const nodes = [without(kpi("leads"), "parent"), without(kpi("calls"), "parent")];
    expect(of(lint(plan(nodes)), "R1")).toEqual([
      { rule: "R1", node: null, period: null, severity: "warning" },
    ]);
  });
});

describe("R2 the tree adds up", () => {
  it("states target, implied and gap, and the target that closes it", () => {
    const nodes = replace(salesNodes(), "deal_size", { targets: monthly(500_000) });
    const findings = lint(plan(nodes));
    expect(of(findings, "R2")).toEqual([
      { rule: "R2", node: "revenue", period: "FY2026-Q1", severity: "warning" },
    ]);
    const finding = findings.find((f) => f.rule === "R2")!;
    expect(finding.params).toMatchObject({
      target: 30_000_000,
      implied: 15_000_000,
      gap: 15_000_000,
      gapRatio: 0.5,
    });
    expect(finding.message("en")).toBe(
      'The target of "四半期売上" (revenue) for FY2026-Q1 is 30,000,000, but its inputs\' targets add up to 15,000,000 (gap 15,000,000, 50 %): reaching the KPI targets would not deliver it.',
    );
    expect(finding.message("ja")).toBe(
      "「四半期売上」(revenue)の FY2026-Q1 の目標は 30,000,000 ですが、入力の目標から計算すると 15,000,000 にしかなりません（差 15,000,000、50%）。KPI の目標を達成しても、この目標には届きません。",
    );
    // Three inputs without formulas: no single lever to solve for.
    expect(finding.fix("en")).toBe(
      "Set the target of revenue for FY2026-Q1 to 15,000,000, or raise the targets of its inputs until they add up to 30,000,000.",
    );
  });

  it("solves the article's tree: deal size must be 500,000", () => {
    const nodes: PlanNode[] = [
      revenue({ formula: "leads * win_rate * deal_size" }),
      kpi("leads", { formula: "visitors * cvr", targets: monthly(100) }),
      kpi("visitors", { parent: "leads", targets: monthly(10_000) }),
      kpi("cvr", {
        parent: "leads",
        unit: "percent",
        grain: "month",
        aggregation: "average",
        targets: monthly(0.01),
      }),
      kpi("win_rate", { unit: "percent", formula: "opp_rate * close_rate", targets: monthly(0.2) }),
      kpi("opp_rate", {
        parent: "win_rate",
        unit: "percent",
        grain: "month",
        aggregation: "average",
        targets: monthly(0.5),
      }),
      kpi("close_rate", {
        parent: "win_rate",
        unit: "percent",
        grain: "month",
        aggregation: "average",
        targets: monthly(0.4),
      }),
      kpi("deal_size", { unit: "JPY", grain: "month", aggregation: "average", targets: monthly(1_000_000) }),
    ].map((n) => (n.formula ? without(n, "grain", "aggregation") : n));
    const findings = lint(plan(nodes));
    expect(of(findings, "R2")).toEqual([
      { rule: "R2", node: "revenue", period: "FY2026-Q1", severity: "warning" },
    ]);
    const finding = findings.find((f) => f.rule === "R2")!;
    expect(finding.params).toMatchObject({ implied: 60_000_000 });
    expect(finding.fix("en")).toContain("deal_size in FY2026-Q1 to 500,000");
    expect(finding.fix("ja")).toContain("500,000");
  });

  it("splits a solved sum lever over its months", () => {
    const nodes = replace(salesNodes(), "revenue", { formula: "opportunities * 300000" });
    const finding = lint(plan(nodes)).find((f) => f.rule === "R2")!;
    expect(finding.fix("en")).toBe(
      "Set the targets of opportunities in FY2026-Q1 to 100 in total (33.33 per month), or set the target of revenue to 45,000,000.",
    );
  });

  it("is quiet when the tree adds up, or the gap is within the threshold", () => {
    expect(of(lint(plan(salesNodes())), "R2")).toEqual([]);
    const nodes = replace(salesNodes(), "deal_size", { targets: monthly(990_000) });
    expect(of(lint(plan(nodes)), "R2")).toEqual([]);
    const wide = replace(salesNodes(), "deal_size", { targets: monthly(500_000) });
    expect(of(lint(plan(wide, { R2: { threshold: 0.6 } })), "R2")).toEqual([]);
  });
});

describe("T1 cadence and current target", () => {
  it("flags a missing cadence and a missing target for the current period", () => {
    const nodes = [
      ...salesNodes(),
      without(kpi("calls", { targets: { "2026-04": { value: 10 }, "2026-06": { value: 10 } } }), "cadence"),
    ];
    const findings = lint(plan(nodes));
    expect(of(findings, "T1")).toEqual([
      { rule: "T1", node: "calls", period: null, severity: "warning" },
      { rule: "T1", node: "calls", period: "2026-05", severity: "warning" },
    ]);
    const [cadence, target] = findings.filter((f) => f.rule === "T1");
    expect(cadence!.fix("en")).toContain('"cadence: month"');
    expect(target!.fix("en")).toBe('Add a target for 2026-05 under "targets", e.g. "2026-05: 10".');
    expect(target!.fix("ja")).toContain("2026-05: 10");
  });

  it("accepts a target derived by formula", () => {
    const nodes = replace(salesNodes(), "revenue", { targets: {} });
    expect(of(lint(plan(nodes)), "T1")).toEqual([]);
  });

  it("takes the plan's first period as current before the plan starts", () => {
    expect(of(lint(plan(salesNodes()), { asOf: "2026-03-01" }), "T1")).toEqual([]);
    const late = replace(salesNodes(), "opportunities", { targets: monthly(50, ["2026-05", "2026-06"]) });
    expect(of(lint(plan(late), { asOf: "2026-03-01" }), "T1")).toEqual([
      { rule: "T1", node: "opportunities", period: "2026-04", severity: "warning" },
    ]);
  });

  it("flags a plan whose targets have all passed", () => {
    expect(of(lint(plan(salesNodes()), { asOf: "2026-08-01" }), "T1").map((f) => f.period)).toEqual([
      "FY2026-Q2",
      "2026-08",
      "2026-08",
      "2026-08",
    ]);
  });
});

describe("T2 KPI cadence not coarser than its KGI's", () => {
  it("flags a quarterly KPI serving a monthly KGI", () => {
    const nodes = [revenue({ cadence: "month", targets: monthly(10_000_000) }), ...salesNodes().slice(1)].map(
      (n) =>
        n.id === "opportunities"
          ? { ...n, cadence: "quarter" as const, targets: { "FY2026-Q1": { value: 150 } } }
          : n,
    );
    const findings = lint(plan(nodes));
    expect(of(findings, "T2")).toEqual([
      { rule: "T2", node: "opportunities", period: null, severity: "warning" },
    ]);
    expect(findings.find((f) => f.rule === "T2")!.params).toMatchObject({
      kgi: "revenue",
      kgiCadence: "month",
    });
  });

  it("accepts a KPI as fine as its KGI", () => {
    const nodes = [revenue({ cadence: "month", targets: monthly(10_000_000) }), ...salesNodes().slice(1)];
    expect(of(lint(plan(nodes)), "T2")).toEqual([]);
  });
});

describe("K1 3–5 KPIs", () => {
  const extra = (count: number, owner = "sales-lead") =>
    Array.from({ length: count }, (_, i) => kpi(`extra_${i + 1}`, { owner }));

  it("flags more than 5 KPIs directly under one KGI", () => {
    const findings = lint(plan([...salesNodes(), ...extra(3, "someone")]));
    expect(of(findings, "K1")).toEqual([{ rule: "K1", node: "revenue", period: null, severity: "warning" }]);
    expect(findings.find((f) => f.rule === "K1")!.params).toMatchObject({ count: 6, max: 5 });
    expect(of(lint(plan([...salesNodes(), ...extra(2, "someone")])), "K1")).toEqual([]);
  });

  it("flags more than 5 KPIs held by one owner", () => {
    const nodes = [
      ...salesNodes(),
      { id: "pipeline", role: "ksf" as const, name: "商談の創出", parent: "revenue" },
      ...extra(3).map((n) => ({ ...n, parent: "pipeline" })),
    ];
    const findings = lint(plan(nodes));
    expect(of(findings, "K1")).toEqual([{ rule: "K1", node: null, period: null, severity: "warning" }]);
    expect(findings.find((f) => f.rule === "K1")!.params).toMatchObject({ owner: "sales-lead", count: 6 });
  });

  it("follows the max option", () => {
    expect(of(lint(plan(salesNodes(), { K1: { max: 2 } })), "K1")).toEqual([
      { rule: "K1", node: null, period: null, severity: "warning" },
      { rule: "K1", node: "revenue", period: null, severity: "warning" },
    ]);
  });

  it("mentions a KGI that no KPI leads to (info)", () => {
    const nodes = [
      ...salesNodes(),
      revenue({ id: "profit", name: "営業利益", formula: undefined, targets: {} }),
    ].map((n) => (n.id === "profit" ? without(n, "formula") : n));
    expect(of(lint(plan(nodes)), "K1")).toEqual([
      { rule: "K1", node: "profit", period: null, severity: "info" },
    ]);
  });
});

describe("H1 stale data", () => {
  it("flags daily data that stopped more than 2 days ago", () => {
    const data = daily("opportunities", "2026-04-01", "2026-05-12", 2);
    const findings = lint(plan(salesNodes()), { data });
    expect(of(findings, "H1")).toEqual([
      { rule: "H1", node: "opportunities", period: "2026-05-12", severity: "warning" },
    ]);
    expect(findings.find((f) => f.rule === "H1")!.fix("en")).toContain("up to 2026-05-15");
  });

  it("accepts data 2 days old", () => {
    const data = daily("opportunities", "2026-04-01", "2026-05-13", 2);
    expect(of(lint(plan(salesNodes()), { data }), "H1")).toEqual([]);
  });

  it("counts months as periods, not days", () => {
    const data = [...freshData(), { node: "win_rate", period: "2026-03", value: 0.2 }];
    const nodes = replace(salesNodes(), "win_rate", { targets: monthly(0.2, ["2026-03", ...Q1_MONTHS]) });
    const at = (asOf: string) =>
      lint(plan(nodes), { data: [...data, ...daily("opportunities", "2026-05-15", asOf, 2)], asOf })
        .filter((f) => f.rule === "H1" && f.node === "win_rate")
        .map((f) => f.period);
    expect(at("2026-05-31")).toEqual([]);
    expect(at("2026-06-01")).toEqual(["2026-03"]);
  });

  it("flags a node that never had data although its targets started (形骸化)", () => {
    const data = daily("opportunities", "2026-04-01", "2026-05-31", 2);
    expect(of(lint(plan(salesNodes()), { data, asOf: "2026-05-31" }), "H1")).toEqual([]);
    const findings = lint(plan(salesNodes()), { data, asOf: "2026-06-01" });
    expect(of(findings, "H1")).toEqual([
      { rule: "H1", node: "win_rate", period: "2026-04", severity: "warning" },
      { rule: "H1", node: "deal_size", period: "2026-04", severity: "warning" },
    ]);
    expect(findings.find((f) => f.rule === "H1")!.message("ja")).toContain("一度も");
  });

  it("follows the factor option and stays quiet for a plan without any data", () => {
    const data = daily("opportunities", "2026-04-01", "2026-05-12", 2);
    expect(of(lint(plan(salesNodes(), { H1: { factor: 3 } }), { data }), "H1")).toEqual([]);
    expect(of(lint(plan(salesNodes())), "H1")).toEqual([]);
  });
});

describe("H2 reviews", () => {
  it("flags a KGI without a review since the last cycle began", () => {
    const reviews = [{ node: null, at: day("2026-03-25") }];
    const findings = lint(plan(salesNodes()), { reviews });
    expect(of(findings, "H2")).toEqual([
      { rule: "H2", node: "revenue", period: "2026-04", severity: "warning" },
    ]);
    expect(findings.find((f) => f.rule === "H2")!.message("en")).toContain("last review 2026-03-25");
  });

  it("counts a review of the plan or of a node leading to the KGI", () => {
    expect(of(lint(plan(salesNodes()), { reviews: [{ node: null, at: day("2026-04-20") }] }), "H2")).toEqual(
      [],
    );
    const kpiReview = [{ node: "win_rate", at: day("2026-05-02") }];
    expect(of(lint(plan(salesNodes()), { reviews: kpiReview }), "H2")).toEqual([]);
  });

  it("checks the plan as a whole when it has no KGI", () => {
    const nodes = [without(kpi("leads"), "parent")];
    expect(of(lint(plan(nodes), { reviews: [] }), "H2")).toEqual([
      { rule: "H2", node: null, period: "2026-04", severity: "warning" },
    ]);
    expect(of(lint(plan(nodes), { reviews: [{ node: "leads", at: day("2026-04-30") }] }), "H2")).toEqual([]);
  });

  it("runs only where reviews are recorded, and follows the cycle option", () => {
    expect(of(lint(plan(salesNodes())), "H2")).toEqual([]);
    const reviews = [{ node: null, at: day("2026-03-25") }];
    // A quarterly cycle has not finished one quarter of the plan yet.
    expect(of(lint(plan(salesNodes(), { H2: { cycle: "quarter" } }), { reviews }), "H2")).toEqual([]);
  });
});

describe("H3 owner", () => {
  it("flags a KPI without an owner", () => {
    const nodes = salesNodes().map((n) => (n.id === "deal_size" ? without(n, "owner") : n));
    expect(of(lint(plan(nodes)), "H3")).toEqual([
      { rule: "H3", node: "deal_size", period: null, severity: "warning" },
    ]);
  });

  it("is quiet when every numeric node has one", () => {
    expect(of(lint(plan(salesNodes())), "H3")).toEqual([]);
  });
});

/** A plan that breaks many rules at once. */
function messyPlan(rules?: Record<string, LintRuleSetting>): Plan {
  const nodes: PlanNode[] = [
    ...replace(salesNodes(), "deal_size", { targets: monthly(500_000) }).map((n) =>
      n.id === "win_rate" ? without(n, "owner", "definition") : n,
    ),
    without(kpi("team_morale", { name: "Team morale", unit: "score" }), "definition", "parent", "cadence"),
  ];
  return plan(nodes, rules);
}

describe("lintPlan", () => {
  it("sorts by severity, then node order, then rule id", () => {
    const findings = lint(messyPlan(), { data: daily("opportunities", "2026-04-01", "2026-04-30", 2) });
    const keys = findings.map((f) => `${f.severity} ${f.node} ${f.rule}`);
    expect(keys).toEqual([
      "warning revenue R2",
      "warning opportunities H1",
      "warning win_rate H3",
      "warning win_rate S1",
      "warning team_morale H1",
      "warning team_morale M2",
      "warning team_morale R1",
      "warning team_morale S1",
      "warning team_morale T1",
      "info opportunities A1",
      "info opportunities S2",
    ]);
  });

  it("drops rules turned off and re-grades others", () => {
    const data = daily("opportunities", "2026-04-01", "2026-04-30", 2);
    const findings = lint(
      messyPlan({ H1: "off", R2: "error", S1: { severity: "info" }, S2: { severity: "off" } }),
      {
        data,
      },
    );
    expect(findings.filter((f) => f.rule === "H1" || f.rule === "S2")).toEqual([]);
    expect(of(findings, "R2")).toEqual([
      { rule: "R2", node: "revenue", period: "FY2026-Q1", severity: "error" },
    ]);
    expect(findings[0]!.rule).toBe("R2");
    expect(of(findings, "S1").map((f) => f.severity)).toEqual(["info", "info"]);
  });

  it("re-grades the milder case too", () => {
    const nodes = [...salesNodes(), revenue({ id: "profit", formula: undefined, targets: {} })].map((n) =>
      n.id === "profit" ? without(n, "formula") : n,
    );
    expect(of(lint(plan(nodes, { K1: "error" })), "K1")).toEqual([
      { rule: "K1", node: "profit", period: null, severity: "error" },
    ]);
  });

  it("keeps the defaults of settings it does not understand", () => {
    const findings = lint(messyPlan({ A3: "off", R2: { threshold: -1 } }));
    expect(of(findings, "R2")).toHaveLength(1);
  });

  it("writes every message and fix in Japanese and English", () => {
    const data = daily("opportunities", "2026-04-01", "2026-04-30", 2);
    const findings = [
      ...lint(messyPlan(), { data, reviews: [] }),
      ...lint(plan([without(kpi("leads"), "parent")])),
    ];
    expect(new Set(findings.map((f) => f.rule)).size).toBeGreaterThanOrEqual(9);
    for (const f of findings) {
      const ja = f.message("ja");
      const en = f.message("en");
      expect(ja.length).toBeGreaterThan(10);
      expect(en.length).toBeGreaterThan(10);
      expect(ja).not.toBe(en);
      expect(en).not.toMatch(/undefined|NaN|\[object/);
      expect(ja).not.toMatch(/undefined|NaN|\[object/);
      const fixJa = f.fix("ja");
      const fixEn = f.fix("en");
      expect(fixJa === null).toBe(fixEn === null);
      if (fixJa !== null) expect(fixJa).not.toBe(fixEn);
    }
  });

  it("finds exactly the findings of the rules left on (property)", () => {
    const data = daily("opportunities", "2026-04-01", "2026-04-30", 2);
    const all = lint(messyPlan(), { data, reviews: [] });
    const key = (f: LintFinding) => `${f.rule} ${f.severity} ${f.node} ${f.period}`;
    fc.assert(
      fc.property(fc.subarray([...RULE_IDS]), (off) => {
        const rules = Object.fromEntries(off.map((id) => [id, "off" as const]));
        const some = lint(messyPlan(rules), { data, reviews: [] });
        expect(some.map(key)).toEqual(all.filter((f) => !off.includes(f.rule)).map(key));
      }),
      { numRuns: 30 },
    );
  });
});
