import { describe, expect, it } from "vitest";
import { articleTree } from "../../test/articlePlan.js";
import { evaluator, rows } from "../../test/buildPlan.js";
import { explainValue } from "./explain.js";

describe("explainValue: every number can be explained", () => {
  const data = [
    ...rows("visitors", { "2026-04-01": 4000, "2026-04-02": 6000, "2026-05-01": 5000 }),
    ...rows("cvr", { "2026-04": 0.01, "2026-05": 0.02 }),
  ];

  it("a measured value: aggregation, grain, records, coverage", () => {
    const ev = evaluator(articleTree(500_000), data);
    const x = explainValue(ev, { node: "visitors", period: "2026-04", asOf: "2026-04-30" });
    expect(x).toMatchObject({
      node: "visitors",
      period: "2026-04",
      asOf: "2026-04-30",
      value: 10_000,
      kind: "measured",
      aggregation: "sum",
      grain: "day",
      records: 2,
      coverage: 2 / 30,
      formula: null,
      reason: null,
    });
    expect(x.target).toEqual({ value: 10_000, source: "set", derived: false, from: [] });
  });

  it("a computed value: formula, inputs with their values, and a derived target's sources", () => {
    const ev = evaluator(articleTree(500_000), data);
    const x = explainValue(ev, { node: "leads", period: "FY2026-Q1", asOf: "2026-07-01" });
    // visitors 15,000 × cvr (mean of 1 % and 2 %) 1.5 %
    expect(x.kind).toBe("computed");
    expect(x.formula).toBe("visitors * cvr");
    expect(x.value).toBeCloseTo(225, 9);
    expect(x.inputs).toEqual([
      { id: "visitors", period: "FY2026-Q1", value: 15_000 },
      { id: "cvr", period: "FY2026-Q1", value: 0.015 },
    ]);
    expect(x.target.source).toBe("formula");
    expect(x.target.from.map((f) => [f.id, f.value])).toEqual([
      ["visitors", 30_000],
      ["cvr", 0.01],
    ]);
    expect(x.forecast.method).toBe("actual");
  });

  it("a missing value says why", () => {
    const ev = evaluator(articleTree(500_000), []);
    const x = explainValue(ev, { node: "revenue", period: "FY2026-Q1", asOf: "2026-05-01" });
    expect(x.value).toBeNull();
    expect(x.kind).toBe("none");
    expect(x.reason).toBe("missing_input");
  });
});
