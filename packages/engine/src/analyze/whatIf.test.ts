import { describe, expect, it } from "vitest";
import { evaluator, rows, targets } from "../../test/buildPlan.js";
import type { PlanNode } from "../model/types.js";
import { dayFromIso } from "../period/index.js";
import { presentWhatIf, whatIf } from "./whatIf.js";

const APRIL = "2026-04";
const AS_OF = dayFromIso("2026-05-15")!;

// revenue = leads × win_rate × deal_size, leads = visitors × cvr; revenue is also measured
// (9,000,000 from accounting), while the model says 100 × 0.2 × 500,000 = 10,000,000.
const NODES: PlanNode[] = [
  {
    id: "revenue",
    role: "kgi",
    unit: "JPY",
    cadence: "month",
    aggregation: "sum",
    formula: "leads * win_rate * deal_size",
    targets: targets({ [APRIL]: 12_000_000 }),
  },
  { id: "leads", role: "kpi", cadence: "month", formula: "visitors * cvr" },
  {
    id: "visitors",
    role: "kpi",
    cadence: "month",
    aggregation: "sum",
    targets: targets({ [APRIL]: 10_000 }),
  },
  { id: "cvr", role: "kpi", unit: "percent", cadence: "month", aggregation: "average" },
  { id: "win_rate", role: "kpi", unit: "percent", cadence: "month", aggregation: "average" },
  { id: "deal_size", role: "kpi", unit: "JPY", cadence: "month", aggregation: "average" },
];
const DATA = [
  ...rows("revenue", { [APRIL]: 9_000_000 }),
  ...rows("visitors", { [APRIL]: 10_000 }),
  ...rows("cvr", { [APRIL]: 0.01 }),
  ...rows("win_rate", { [APRIL]: 0.2 }),
  ...rows("deal_size", { [APRIL]: 500_000 }),
];

function run(values: Record<string, number>) {
  const ev = evaluator(NODES, DATA);
  const document = presentWhatIf(
    whatIf(ev, { period: ev.period(APRIL), asOf: AS_OF, values: new Map(Object.entries(values)) }),
  );
  return { ev, document, node: (id: string) => document.nodes.find((n) => n.id === id)! };
}

describe("what-if (levers moved by hand)", () => {
  it.each([
    [
      "doubling deal_size doubles the modeled revenue",
      { deal_size: 1_000_000 },
      [
        { id: "revenue", base: 10_000_000, value: 20_000_000, difference: 10_000_000 },
        { id: "deal_size", base: 500_000, value: 1_000_000, difference: 500_000 },
      ],
    ],
    [
      "12,000 visitors make 120 leads and 12,000,000",
      { visitors: 12_000 },
      [
        { id: "revenue", base: 10_000_000, value: 12_000_000, difference: 2_000_000 },
        { id: "leads", base: 100, value: 120, difference: 20 },
        { id: "visitors", base: 10_000, value: 12_000, difference: 2_000 },
      ],
    ],
    [
      "a revenue given by hand wins over its formula; its base is the measured figure",
      { visitors: 12_000, revenue: 15_000_000 },
      [
        { id: "revenue", base: 9_000_000, value: 15_000_000, difference: 6_000_000 },
        { id: "leads", base: 100, value: 120, difference: 20 },
        { id: "visitors", base: 10_000, value: 12_000, difference: 2_000 },
      ],
    ],
    ["no values: nothing moves", {}, []],
  ])("%s", (_name, values, changes) => {
    expect(run(values).document.changes).toEqual(changes);
  });

  it("answers the evaluation document of the scenario: the KGI assessed on its formula", () => {
    const { document, node } = run({ deal_size: 1_000_000 });
    expect(document).toMatchObject({ period: APRIL, asOf: "2026-05-15" });
    expect(node("revenue")).toMatchObject({
      actual: 20_000_000,
      actualSource: "modeled",
      modeled: 20_000_000,
      target: 12_000_000,
      status: "achieved",
    });
    expect(node("revenue").progress).toBeCloseTo(20 / 12, 9);
    expect(node("deal_size")).toMatchObject({ actual: 1_000_000, actualSource: "measured" });
    expect(node("visitors")).toMatchObject({ actual: 10_000, progress: 1 });
  });

  it("leaves the evaluator's own numbers as they were", () => {
    const { ev } = run({ deal_size: 1_000_000 });
    const revenue = ev.evaluate({ period: APRIL, asOf: AS_OF }).nodes.find((n) => n.id === "revenue")!;
    expect(revenue).toMatchObject({ actual: 9_000_000, actualSource: "measured", modeled: 10_000_000 });
  });

  it("refuses a node that is not measured (its formula gives its value)", () => {
    const ev = evaluator(NODES, DATA);
    expect(() =>
      whatIf(ev, { period: ev.period(APRIL), asOf: AS_OF, values: new Map([["leads", 1]]) }),
    ).toThrow(RangeError);
  });
});
