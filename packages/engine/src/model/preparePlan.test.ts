import { describe, expect, it } from "vitest";
import { preparePlan } from "./preparePlan.js";
import type { Plan, PlanNode } from "./types.js";

function issuesOf(nodes: PlanNode[], extra: Partial<Plan> = {}) {
  const result = preparePlan({ version: 1, name: "t", nodes, ...extra });
  return result.ok
    ? []
    : result.issues.map((i) => ({
        code: i.code,
        path: i.path.join("."),
        en: i.text("en"),
        ja: i.text("ja"),
      }));
}

const kpi = (id: string, more: Partial<PlanNode> = {}): PlanNode => ({ id, role: "kpi", ...more });

describe("preparePlan: what a schema cannot see", () => {
  it.each<[string, PlanNode[], string, string]>([
    ["duplicate id", [kpi("a"), kpi("a")], "plan.duplicateId", "nodes.1.id"],
    ["id not snake case", [kpi("winRate")], "plan.badId", "nodes.0.id"],
    ["id is a function name", [kpi("round")], "plan.reservedId", "nodes.0.id"],
    [
      "unknown parent",
      [kpi("a", { parent: "revenu" }), { id: "revenue", role: "kgi" }],
      "plan.unknownParent",
      "nodes.0.parent",
    ],
    ["own parent", [kpi("a", { parent: "a" })], "plan.selfParent", "nodes.0.parent"],
    [
      "parent loop",
      [kpi("a", { parent: "b" }), kpi("b", { parent: "a" })],
      "plan.parentCycle",
      "nodes.0.parent",
    ],
    [
      "unknown reference",
      [kpi("a", { formula: "b * vistors" }), kpi("b"), kpi("visitors")],
      "plan.unknownReference",
      "nodes.0.formula",
    ],
    [
      "reference to a KSF",
      [kpi("a", { formula: "g * 2" }), { id: "g", role: "ksf" }],
      "plan.referenceToKsf",
      "nodes.0.formula",
    ],
    [
      "formula cycle",
      [kpi("a", { formula: "b + 1" }), kpi("b", { formula: "c * 2" }), kpi("c", { formula: "a / 3" })],
      "plan.formulaCycle",
      "nodes.0.formula",
    ],
    ["formula syntax", [kpi("a", { formula: "b *" }), kpi("b")], "formula.unexpectedEnd", "nodes.0.formula"],
    [
      "KSF with a target",
      [{ id: "g", role: "ksf", targets: { "2026-04": { value: 1 } } }],
      "plan.ksfNumbers",
      "nodes.0.targets",
    ],
    [
      "weighted average without weight",
      [kpi("a", { aggregation: "weighted_average" })],
      "plan.weightMissing",
      "nodes.0.aggregation",
    ],
    [
      "weight without weighted average",
      [kpi("a", { weight: "b" }), kpi("b")],
      "plan.weightUnused",
      "nodes.0.weight",
    ],
    [
      "unknown weight",
      [kpi("a", { aggregation: "weighted_average", weight: "x" })],
      "plan.unknownWeight",
      "nodes.0.weight",
    ],
    [
      "range direction without range",
      [kpi("a", { direction: "range" })],
      "plan.rangeMissing",
      "nodes.0.direction",
    ],
    ["empty range", [kpi("a", { direction: "range", range: [5, 1] })], "plan.rangeOrder", "nodes.0.range"],
    [
      "range without range direction",
      [kpi("a", { range: [1, 5] })],
      "plan.rangeWithoutDirection",
      "nodes.0.range",
    ],
    ["negative tolerance", [kpi("a", { tolerance: -0.1 })], "plan.negativeTolerance", "nodes.0.tolerance"],
    [
      "grain coarser than cadence",
      [kpi("a", { grain: "month", cadence: "week" })],
      "plan.grainCoarserThanCadence",
      "nodes.0.grain",
    ],
    [
      "bad target period",
      [kpi("a", { targets: { "2026-13": { value: 1 } } })],
      "plan.badTargetPeriod",
      "nodes.0.targets.2026-13",
    ],
    [
      "target not at cadence",
      [kpi("a", { cadence: "month", targets: { "FY2026-Q1": { value: 1 } } })],
      "plan.targetGrain",
      "nodes.0.targets.FY2026-Q1",
    ],
    [
      "mixed target grains",
      [kpi("a", { targets: { "2026-04": { value: 1 }, "FY2026-Q1": { value: 3 } } })],
      "plan.mixedTargetGrains",
      "nodes.0.targets",
    ],
  ])("%s", (_, nodes, code, path) => {
    const issues = issuesOf(nodes);
    const found = issues.find((i) => i.code === code);
    expect(found, JSON.stringify(issues)).toBeDefined();
    expect(found!.path).toBe(path);
    expect(found!.en).not.toBe(found!.ja);
  });

  it("names the cycle and suggests the closest id", () => {
    const cycle = issuesOf([kpi("a", { formula: "b + 1" }), kpi("b", { formula: "a * 2" })]).find(
      (i) => i.code === "plan.formulaCycle",
    )!;
    expect(cycle.en).toContain("a → b → a");
    const unknown = issuesOf([kpi("a", { formula: "vistors * 2" }), kpi("visitors")])[0]!;
    expect(unknown.en).toContain('"visitors"');
    expect(unknown.ja).toContain("「visitors」");
  });

  it.each<[string, Plan["data"], string, string]>([
    ["unknown node", [{ node: "x", period: "2026-04-01", value: 1 }], "data.unknownNode", "data.0.node"],
    ["KSF", [{ node: "g", period: "2026-04-01", value: 1 }], "data.notNumeric", "data.0.node"],
    ["computed only", [{ node: "c", period: "2026-04-01", value: 1 }], "data.computedOnly", "data.0.node"],
    ["bad period", [{ node: "a", period: "2026-4-1", value: 1 }], "data.badPeriod", "data.0.period"],
    ["wrong grain", [{ node: "a", period: "2026-04", value: 1 }], "data.periodGrain", "data.0.period"],
  ])("data rows in the file: %s", (_, data, code, path) => {
    const nodes = [kpi("a"), { id: "g", role: "ksf" as const }, kpi("c", { formula: "a * 2" })];
    const found = issuesOf(nodes, { data }).find((i) => i.code === code);
    expect(found).toBeDefined();
    expect(found!.path).toBe(path);
  });

  it("applies defaults: direction up, grain day, sum, tolerance 0.1, cadence from the targets", () => {
    const result = preparePlan({
      version: 1,
      name: "t",
      nodes: [kpi("a", { targets: { "FY2026-Q1": { value: 1 } } })],
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.prepared.byId.get("a")).toMatchObject({
      direction: "up",
      grain: "day",
      aggregation: "sum",
      tolerance: 0.1,
      cadence: "quarter",
      measured: true,
      computed: false,
    });
    expect(result.prepared.calendar).toMatchObject({ fiscalYearStart: 4, timezone: "Asia/Tokyo" });
  });

  it("orders nodes so that every formula comes after its inputs", () => {
    const result = preparePlan({
      version: 1,
      name: "t",
      nodes: [kpi("r", { formula: "l * w" }), kpi("l", { formula: "v * c" }), kpi("w"), kpi("v"), kpi("c")],
    });
    if (!result.ok) throw new Error("invalid");
    const { order } = result.prepared;
    expect(order.indexOf("l")).toBeLessThan(order.indexOf("r"));
    expect(order.indexOf("v")).toBeLessThan(order.indexOf("l"));
  });
});
