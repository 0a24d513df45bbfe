import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { LintRuleSetting, Plan, PlanNode, Target } from "../model/types.js";
import type { Grain } from "../period/types.js";
import { formatKpiFileError, parseKpiFile, writeKpiFile, writeKpiFileJson } from "./index.js";

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8");

function reparse(text: string, format?: "json"): Plan {
  const result = parseKpiFile(text, format ? { format } : {});
  if (!result.ok) {
    const errors = result.errors.map((e) => formatKpiFileError(e, "en")).join("\n");
    throw new Error(`the written file does not read back:\n${errors}\n---\n${text}`);
  }
  return result.plan;
}

const small: Plan = {
  version: 1,
  name: "小さな計画",
  nodes: [
    { id: "leads", role: "kpi", unit: "count", cadence: "month", targets: { "2026-04": { value: 100 } } },
    {
      id: "nps",
      role: "kgi",
      direction: "range",
      range: [40, 60],
      tags: ["survey", "2026-04-15"],
      targets: { FY2026: { value: 55, baseline: 50, basis: "benchmark", note: "業界平均: 50" } },
    },
  ],
  data: [{ node: "leads", period: "2026-04-15", value: 3 }],
};

describe("writeKpiFile", () => {
  it("writes the example plan in the documented order, with shorthands and flow maps", () => {
    const text = fixture("complete-plan.yaml");
    const result = parseKpiFile(text);
    if (!result.ok) throw new Error("fixture must parse");
    expect(writeKpiFile(result.plan)).toBe(`version: 1
name: SaaS事業 FY2026 上期
calendar:
  fiscalYearStart: 4
  timezone: Asia/Tokyo
  weekStart: monday
  locale: ja
nodes:
  - id: revenue
    role: kgi
    name: 四半期売上
    definition: 計上基準の売上高（税抜）
    unit: JPY
    direction: up
    cadence: quarter
    aggregation: sum
    formula: leads * win_rate * deal_size
    owner: sales-head
    department: sales
    targets:
      FY2026-Q1: 30000000
      FY2026-Q2: { value: 33000000, baseline: 30000000, basis: past, note: 前年同期比+10% }
  - id: new_leads
    role: ksf
    name: 新規リードの獲得
    parent: revenue
  - id: leads
    role: kpi
    name: 月間リード数
    parent: new_leads
    unit: count
    cadence: month
    formula: visitors * cvr
    targets: { 2026-04: 100, 2026-05: 100, 2026-06: 100 }
  - id: visitors
    role: kpi
    parent: leads
    unit: count
    cadence: month
    grain: day
    aggregation: sum
    tolerance: 0.05
  - id: cvr
    role: kpi
    parent: leads
    unit: ratio
    cadence: month
  - id: win_rate
    role: kpi
    parent: revenue
    unit: ratio
  - id: deal_size
    role: kpi
    parent: revenue
    unit: JPY
lint:
  rules: { K1: "off", A1: { stretch: 0.3 } }
`);
  });

  it("quotes text that some YAML reader would take for a date, number or boolean", () => {
    const plan: Plan = {
      version: 1,
      name: "2026-04-15",
      nodes: [
        {
          id: "a",
          role: "kpi",
          tags: ["yes", "123", "1e3", "true", "~", "", "off", "0x1F", "2026-04", "FY2026"],
        },
      ],
    };
    expect(writeKpiFile(plan)).toBe(`version: 1
name: "2026-04-15"
nodes:
  - id: a
    role: kpi
    tags: [ "yes", "123", "1e3", "true", "~", "", "off", "0x1F", 2026-04, FY2026 ]
`);
    expect(reparse(writeKpiFile(plan))).toStrictEqual(plan);
  });

  it("keeps long targets and multi-line notes in block style", () => {
    const plan: Plan = {
      version: 1,
      name: "p",
      nodes: [
        {
          id: "a",
          role: "kpi",
          cadence: "month",
          targets: {
            "2026-04": { value: 1, note: "first line\nsecond: line # not a comment" },
            "2026-05": {
              value: 2,
              baseline: 1,
              basis: "stretch",
              note: "a note long enough to push this past the limit",
            },
          },
        },
      ],
    };
    expect(writeKpiFile(plan)).toBe(`version: 1
name: p
nodes:
  - id: a
    role: kpi
    cadence: month
    targets:
      2026-04:
        value: 1
        note: |-
          first line
          second: line # not a comment
      2026-05:
        value: 2
        baseline: 1
        basis: stretch
        note: a note long enough to push this past the limit
`);
    expect(reparse(writeKpiFile(plan))).toStrictEqual(plan);
  });

  it("writes actuals one per line", () => {
    expect(writeKpiFile(small).split("\n").slice(-3)).toEqual([
      "data:",
      '  - { node: leads, period: "2026-04-15", value: 3 }',
      "",
    ]);
  });
});

describe("writeKpiFileJson", () => {
  it("writes the same shape as JSON", () => {
    expect(JSON.parse(writeKpiFileJson(small))).toEqual({
      version: 1,
      name: "小さな計画",
      nodes: [
        { id: "leads", role: "kpi", unit: "count", cadence: "month", targets: { "2026-04": 100 } },
        {
          id: "nps",
          role: "kgi",
          direction: "range",
          range: [40, 60],
          tags: ["survey", "2026-04-15"],
          targets: { FY2026: { value: 55, baseline: 50, basis: "benchmark", note: "業界平均: 50" } },
        },
      ],
      data: [{ node: "leads", period: "2026-04-15", value: 3 }],
    });
    expect(reparse(writeKpiFileJson(small), "json")).toStrictEqual(small);
  });
});

// Generated plans are valid (preparePlan accepts them) so that the round trip is about the
// file format alone: parents and formula inputs point at earlier nodes, targets sit at the
// cadence, a grain is never coarser than its cadence.

const texts = fc.oneof(
  fc.string({
    unit: fc.constantFrom(..."aZ09 _-.,:#'\"?![]{}&*|>%@`~\\\t\n\r売上高リード数、。（）+".split("")),
    maxLength: 24,
  }),
  fc.constantFrom(
    "yes",
    "no",
    "on",
    "off",
    "true",
    "null",
    "~",
    "",
    "2026-04-15",
    "123",
    "1e3",
    "0x1F",
    ".inf",
    " lead",
    "tail ",
  ),
);
// -0 is written as 0 (JSON has no -0), so it is left out: `+ 0` turns -0 into 0.
const numbers = fc
  .oneof(
    fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.constantFrom(0, -0.000001, 0.1, 1e21, 123456789012345, -42.5),
  )
  .map((n) => n + 0);
const GRAINS: Grain[] = ["day", "week", "month", "quarter", "half", "year"];
const PERIODS: Record<Grain, string[]> = {
  day: ["2026-04-01", "2026-04-15", "2026-12-31"],
  week: ["2026-W01", "2026-W16", "2026-W53"],
  month: ["2026-04", "2026-05", "2027-03"],
  quarter: ["FY2026-Q1", "FY2026-Q2", "FY2026-Q4"],
  half: ["FY2026-H1", "FY2026-H2", "FY2027-H1"],
  year: ["FY2025", "FY2026", "FY2027"],
};
const target: fc.Arbitrary<Target> = fc.oneof(
  numbers.map((value) => ({ value })),
  fc.record(
    {
      value: numbers,
      baseline: numbers,
      basis: fc.constantFrom("past", "benchmark", "stretch"),
      note: texts,
    },
    { requiredKeys: ["value"] },
  ),
);

function nodeArbitrary(
  id: string,
  ksf: boolean,
  earlier: string[],
  earlierNumeric: string[],
): fc.Arbitrary<PlanNode> {
  const common = {
    id: fc.constant(id),
    role: fc.constant("ksf" as const),
    name: texts,
    ...(earlier.length > 0 ? { parent: fc.constantFrom(...earlier) } : {}),
    definition: texts,
    owner: texts,
    department: texts,
    tags: fc.array(texts, { maxLength: 3 }),
  };
  if (ksf) return fc.record(common, { requiredKeys: ["id", "role"] });
  const numeric = fc.record(
    {
      ...common,
      role: fc.constantFrom("kgi" as const, "kpi" as const),
      unit: fc.constantFrom("JPY", "count", "percent", "件"),
      direction: fc.constantFrom("up" as const, "down" as const),
      cadence: fc.constantFrom(...GRAINS),
      grain: fc.constantFrom(...GRAINS),
      aggregation: fc.constantFrom(
        "sum" as const,
        "average" as const,
        "last" as const,
        "first" as const,
        "max" as const,
      ),
      tolerance: fc.double({ min: 0, max: 1, noNaN: true }),
      ...(earlierNumeric.length > 0
        ? {
            formula: fc
              .array(fc.constantFrom(...earlierNumeric), { minLength: 1, maxLength: 3 })
              .map((ids) => ids.join(" * ")),
          }
        : {}),
    },
    { requiredKeys: ["id", "role"] },
  );
  return fc
    .tuple(
      numeric,
      fc.array(fc.tuple(fc.nat(2), target), { maxLength: 3 }),
      fc.option(fc.tuple(numbers, numbers)),
      fc.option(fc.constantFrom(...(earlierNumeric.length > 0 ? earlierNumeric : [id]))),
    )
    .map(([node, targets, range, weight]) => {
      const out: PlanNode = { ...node };
      if (out.grain && out.cadence && GRAINS.indexOf(out.grain) > GRAINS.indexOf(out.cadence))
        delete out.grain;
      if (range) {
        out.direction = "range";
        out.range = range[0] <= range[1] ? range : [range[1], range[0]];
      }
      if (weight) {
        out.aggregation = "weighted_average";
        out.weight = weight;
      }
      if (targets.length > 0) {
        const periods = PERIODS[out.cadence ?? "month"];
        out.targets = Object.fromEntries(targets.map(([slot, t]) => [periods[slot]!, t]));
      }
      return out;
    });
}

const severity = fc.constantFrom("off" as const, "error" as const, "warning" as const, "info" as const);
// Settings the linter accepts: a severity, or an object with a severity and the rule's own options.
const ruleSettings: fc.Arbitrary<Record<string, LintRuleSetting>> = fc.record(
  {
    K1: fc.oneof(
      severity,
      fc.record({ severity, max: fc.integer({ min: 1, max: 9 }) }, { requiredKeys: [] }),
    ),
    A1: fc.oneof(
      severity,
      fc.record({ severity, stretch: fc.double({ min: 0.01, max: 5, noNaN: true }) }, { requiredKeys: [] }),
    ),
    S2: severity,
  },
  { requiredKeys: [] },
);

const planArbitrary: fc.Arbitrary<Plan> = fc
  .uniqueArray(
    // Function names cannot be referenced by a formula.
    fc
      .stringMatching(/^[a-z][a-z0-9_]{0,11}$/)
      .filter((id) => !["if", "min", "max", "abs", "round"].includes(id)),
    { minLength: 1, maxLength: 6 },
  )
  .chain((ids) =>
    fc.tuple(fc.constant(ids), fc.array(fc.boolean(), { minLength: ids.length, maxLength: ids.length })),
  )
  .chain(([ids, ksf]) => {
    const numericBefore = (i: number) => ids.slice(0, i).filter((_, j) => !ksf[j]);
    const nodes = ids.map((id, i) => nodeArbitrary(id, ksf[i]!, ids.slice(0, i), numericBefore(i)));
    return fc.record(
      {
        version: fc.constant(1 as const),
        name: texts,
        calendar: fc.record(
          {
            fiscalYearStart: fc.integer({ min: 1, max: 12 }),
            timezone: fc.constantFrom("Asia/Tokyo", "UTC", "America/New_York"),
            weekStart: fc.constantFrom("monday" as const, "sunday" as const),
            locale: fc.constantFrom("ja" as const, "en" as const),
          },
          { requiredKeys: [] },
        ),
        nodes: fc.tuple(...nodes),
        lint: fc.record({ rules: ruleSettings }, { requiredKeys: [] }),
        data: fc.array(
          fc.record(
            {
              node: fc.constantFrom(...ids),
              period: fc.constantFrom(...PERIODS.day),
              value: numbers,
              segment: texts,
            },
            { requiredKeys: ["node", "period", "value"] },
          ),
          { maxLength: 3 },
        ),
      },
      { requiredKeys: ["version", "name", "nodes"] },
    );
  })
  // Data rows only for nodes that take data at day grain (preparePlan checks that).
  .map((plan) => {
    const takesDailyData = (id: string) => {
      const node = plan.nodes.find((n) => n.id === id)!;
      const measured =
        node.formula === undefined || node.grain !== undefined || node.aggregation !== undefined;
      return node.role !== "ksf" && measured && (node.grain ?? "day") === "day";
    };
    // A weight must be recorded at the weighted node's grain (preparePlan checks that too).
    for (const node of plan.nodes) {
      const weight = node.weight === undefined ? undefined : plan.nodes.find((n) => n.id === node.weight);
      if (weight && (weight.grain ?? "day") !== (node.grain ?? "day")) {
        delete node.weight;
        delete node.aggregation;
      }
    }
    if (plan.data) plan.data = plan.data.filter((row) => takesDailyData(row.node));
    return plan;
  })
  // fast-check builds objects without a prototype; a parsed plan has ordinary ones.
  .map((plan) => structuredClone(plan));

describe("round trip", () => {
  it.each([
    ["the example plan", () => reparse(fixture("complete-plan.yaml"))],
    ["a small plan with data", () => small],
  ])("%s reads back equal, from YAML and from JSON", (_, make) => {
    const plan = make();
    expect(reparse(writeKpiFile(plan))).toStrictEqual(plan);
    expect(reparse(writeKpiFileJson(plan), "json")).toStrictEqual(plan);
  });

  it("holds for generated plans, and writing is stable", () => {
    fc.assert(
      fc.property(planArbitrary, (plan) => {
        const yaml = writeKpiFile(plan);
        expect(reparse(yaml)).toStrictEqual(plan);
        expect(writeKpiFile(reparse(yaml))).toBe(yaml);
        expect(reparse(writeKpiFileJson(plan), "json")).toStrictEqual(plan);
      }),
      { numRuns: 200 },
    );
  }, 120_000);
});
