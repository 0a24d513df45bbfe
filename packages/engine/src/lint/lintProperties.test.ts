import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Evaluator } from "../evaluate/evaluator.js";
import { preparePlan } from "../model/preparePlan.js";
import type { Measurement, Plan, PlanNode } from "../model/types.js";
import { dayFromIso, isoFromDay, periodOfDay } from "../period/index.js";
import { DEFAULT_CALENDAR, type Grain } from "../period/types.js";
import { lintPlan } from "./lintPlan.js";

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 };
const CADENCES: Grain[] = ["week", "month", "quarter"];
const FIRST = dayFromIso("2025-01-01")!;
const LAST = dayFromIso("2026-12-31")!;

interface NodeDraft {
  role: "kgi" | "ksf" | "kpi";
  parent: number | null;
  cadence: Grain;
  monthlyData: boolean;
  formula: number[];
  direction: "up" | "down";
  owner: boolean;
  definition: boolean;
  name: string;
  targets: { day: number; value: number }[];
  data: { day: number; value: number }[];
}

const nodeDraft = fc.record({
  role: fc.constantFrom("kgi" as const, "ksf" as const, "kpi" as const, "kpi" as const),
  parent: fc.option(fc.nat(10), { nil: null }),
  cadence: fc.constantFrom(...CADENCES),
  monthlyData: fc.boolean(),
  formula: fc.array(fc.nat(10), { maxLength: 2 }),
  direction: fc.constantFrom("up" as const, "down" as const),
  owner: fc.boolean(),
  definition: fc.boolean(),
  name: fc.constantFrom("売上", "チームの士気", "leads", "Team morale", "受注率"),
  targets: fc.array(
    fc.record({ day: fc.integer({ min: FIRST, max: LAST }), value: fc.integer({ min: 0, max: 500 }) }),
    {
      maxLength: 4,
    },
  ),
  data: fc.array(
    fc.record({ day: fc.integer({ min: FIRST, max: LAST }), value: fc.integer({ min: 0, max: 50 }) }),
    {
      maxLength: 30,
    },
  ),
});

/** Builds a plan whose parents and formulas only point at earlier nodes, so it always prepares. */
function build(drafts: NodeDraft[]): { plan: Plan; data: Measurement[] } {
  const nodes: PlanNode[] = [];
  const data: Measurement[] = [];
  drafts.forEach((d, i) => {
    const id = `n${i}`;
    const node: PlanNode = { id, role: d.role, name: d.name };
    if (d.parent !== null && d.parent < i) node.parent = `n${d.parent}`;
    if (d.role !== "ksf") {
      const grain: Grain = d.monthlyData && d.cadence !== "week" ? "month" : "day";
      const refs = [...new Set(d.formula.filter((k) => k < i && drafts[k]!.role !== "ksf"))];
      Object.assign(node, {
        unit: "count",
        cadence: d.cadence,
        direction: d.direction,
        grain,
        aggregation: "sum",
      });
      if (refs.length > 0) node.formula = refs.map((k) => `n${k}`).join(" + ");
      if (d.owner) node.owner = "owner";
      if (d.definition) node.definition = "counted from the CRM";
      node.targets = Object.fromEntries(
        d.targets.map((t) => [periodOfDay(t.day, d.cadence, DEFAULT_CALENDAR).id, { value: t.value }]),
      );
      for (const m of d.data) {
        data.push({ node: id, period: periodOfDay(m.day, grain, DEFAULT_CALENDAR).id, value: m.value });
      }
    }
    nodes.push(node);
  });
  return { plan: { version: 1, name: "random", nodes }, data };
}

describe("lintPlan on any plan", () => {
  it("never throws, sorts its findings and speaks both languages", () => {
    fc.assert(
      fc.property(
        fc.array(nodeDraft, { minLength: 1, maxLength: 8 }),
        fc.integer({ min: FIRST, max: LAST }),
        fc.array(fc.integer({ min: FIRST, max: LAST }), { maxLength: 2 }),
        (drafts, asOf, reviewDays) => {
          const { plan, data } = build(drafts);
          const result = preparePlan(plan);
          if (!result.ok) throw new Error(result.issues.map((i) => i.text("en")).join("\n"));
          const evaluator = new Evaluator(result.prepared, data);
          const reviews = reviewDays.map((at) => ({ node: null, at }));
          const findings = lintPlan({ prepared: result.prepared, evaluator, asOf, reviews });
          const position = (id: string | null) => (id === null ? -1 : result.prepared.byId.get(id)!.index);
          for (let k = 1; k < findings.length; k++) {
            const a = findings[k - 1]!;
            const b = findings[k]!;
            const order =
              SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
              position(a.node) - position(b.node) ||
              (a.rule <= b.rule ? -1 : 1);
            expect(order, `${isoFromDay(asOf)} ${a.rule} ${b.rule}`).toBeLessThan(0);
          }
          for (const f of findings) {
            for (const text of [f.message("ja"), f.message("en"), f.fix("ja") ?? "", f.fix("en") ?? ""]) {
              expect(text).not.toMatch(/undefined|NaN|Infinity|\[object/);
            }
            expect(f.message("ja")).not.toBe(f.message("en"));
            expect(JSON.parse(JSON.stringify(f.params))).toEqual(f.params);
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
