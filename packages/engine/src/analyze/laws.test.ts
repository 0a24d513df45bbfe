import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evaluator, targets } from "../../test/buildPlan.js";
import type { Measurement, PlanNode } from "../model/types.js";
import { solveTarget } from "./solveTarget.js";

const MONTHS = [
  "2026-04",
  "2026-05",
  "2026-06",
  "2026-07",
  "2026-08",
  "2026-09",
  "2026-10",
  "2026-11",
  "2026-12",
  "2027-01",
  "2027-02",
  "2027-03",
];
const QUARTERS = ["FY2026-Q1", "FY2026-Q2", "FY2026-Q3", "FY2026-Q4"];

/** Random daily data over FY2026: day offsets 0..364 with values. */
const dailyData = fc.uniqueArray(
  fc.record({ day: fc.integer({ min: 0, max: 364 }), value: fc.integer({ min: -1000, max: 100_000 }) }),
  { selector: (r) => r.day, minLength: 1, maxLength: 120 },
);

function toRows(node: string, data: { day: number; value: number }[]): Measurement[] {
  const start = Date.UTC(2026, 3, 1);
  return data.map(({ day, value }) => ({
    node,
    period: new Date(start + day * 86_400_000).toISOString().slice(0, 10),
    value,
  }));
}

const combine: Record<string, (xs: number[]) => number> = {
  sum: (xs) => xs.reduce((a, b) => a + b, 0),
  min: (xs) => Math.min(...xs),
  max: (xs) => Math.max(...xs),
  last: (xs) => xs[xs.length - 1]!,
  first: (xs) => xs[0]!,
};

describe("laws", () => {
  it.each(Object.keys(combine))("roll-up of a roll-up equals the direct roll-up (%s)", (aggregation) => {
    fc.assert(
      fc.property(dailyData, (data) => {
        const ev = evaluator(
          [{ id: "x", role: "kpi", aggregation: aggregation as "sum" }],
          toRows("x", data),
        );
        const ctx = ev.context("2027-12-31");
        const fy = ctx.value("x", ev.period("FY2026"));
        for (const [coarse, parts] of [
          ["FY2026", MONTHS],
          ["FY2026", QUARTERS],
          ["FY2026-Q1", MONTHS.slice(0, 3)],
        ] as const) {
          const values = parts
            .map((p) => ctx.value("x", ev.period(p)))
            .filter((v): v is number => v !== null);
          const direct = ctx.value("x", ev.period(coarse));
          if (values.length === 0) expect(direct).toBeNull();
          else expect(direct).toBe(combine[aggregation]!(values));
        }
        expect(fy).not.toBeUndefined();
      }),
      { numRuns: 60 },
    );
  });

  it("a ratio node over a period is the ratio of its inputs' sums, whatever the split", () => {
    fc.assert(
      fc.property(dailyData, dailyData, (num, den) => {
        const ev = evaluator(
          [
            { id: "n", role: "kpi" },
            { id: "d", role: "kpi" },
            { id: "r", role: "kpi", formula: "n / d" },
          ],
          [...toRows("n", num), ...toRows("d", den)],
        );
        const ctx = ev.context("2027-12-31");
        const q = ev.period("FY2026-Q2");
        const n = ctx.value("n", q);
        const d = ctx.value("d", q);
        const r = ctx.value("r", q);
        if (n === null || d === null || d === 0) expect(r).toBeNull();
        else expect(r).toBe(n / d);
      }),
      { numRuns: 60 },
    );
  });

  // The exact inverse of each formula for each lever, to check solve's answer to 1e-9.
  const inverses: Record<
    string,
    Record<string, (t: number, v: { a: number; b: number; c: number }) => number>
  > = {
    "a * b * c": { a: (t, v) => t / (v.b * v.c), b: (t, v) => t / (v.a * v.c), c: (t, v) => t / (v.a * v.b) },
    "a * b + c": { a: (t, v) => (t - v.c) / v.b, b: (t, v) => (t - v.c) / v.a, c: (t, v) => t - v.a * v.b },
    "(a + b) / c": { a: (t, v) => t * v.c - v.b, b: (t, v) => t * v.c - v.a, c: (t, v) => (v.a + v.b) / t },
    "a * (b - c / 1000000)": {
      a: (t, v) => t / (v.b - v.c / 1e6),
      b: (t, v) => t / v.a + v.c / 1e6,
      c: (t, v) => (v.b - t / v.a) * 1e6,
    },
  };

  it("solve finds the exact inverse to 1e-9, and evaluating with it gives the target back", () => {
    const positive = fc.double({ min: 0.01, max: 1e6, noNaN: true });
    fc.assert(
      fc.property(
        positive,
        positive,
        positive,
        positive,
        fc.constantFrom("a", "b", "c"),
        fc.constantFrom(...Object.keys(inverses)),
        (t, a, b, c, lever, formula) => {
          const nodes: PlanNode[] = [
            { id: "r", role: "kgi", cadence: "quarter", formula, targets: targets({ "FY2026-Q1": t }) },
            { id: "a", role: "kpi", cadence: "quarter", targets: targets({ "FY2026-Q1": a }) },
            { id: "b", role: "kpi", cadence: "quarter", targets: targets({ "FY2026-Q1": b }) },
            { id: "c", role: "kpi", cadence: "quarter", targets: targets({ "FY2026-Q1": c }) },
          ];
          const ev = evaluator(nodes);
          const result = solveTarget(ev.prepared, ev.targets, {
            node: "r",
            for: lever,
            period: ev.period("FY2026-Q1"),
          });
          const exact = inverses[formula]![lever]!(t, { a, b, c });
          if (!Number.isFinite(exact) || Math.abs(exact) > 1e15 || Math.abs(exact) < 1e-12) return; // outside the searched scales
          expect(result.unique).toBe(true);
          // 1e-9 relative to the answer, or to the formula's own scale where the exact inverse
          // cancels large terms (t − c with both near 1e6 leaves rounding of ~1e-10 in the result).
          const scale = Math.max(Math.abs(exact), 1e-3 * Math.max(Math.abs(t), a, b, c, a * b));
          expect(Math.abs(result.value! - exact)).toBeLessThanOrEqual(1e-9 * scale);
          const solved = nodes.map((n) =>
            n.id === lever
              ? { ...n, targets: targets({ "FY2026-Q1": result.value! }) }
              : n.id === "r"
                ? { ...n, targets: {} }
                : n,
          );
          const check = evaluator(solved);
          const implied = check.targets.get(check.prepared.byId.get("r")!, check.period("FY2026-Q1"))!.value;
          // Relative to the size of the terms: a × b + c with a × b ≈ −c cancels most digits.
          const terms = Math.max(Math.abs(t), Math.abs(a * b), Math.abs(exact), a, b, c);
          expect(Math.abs(implied - t)).toBeLessThanOrEqual(1e-9 * terms);
        },
      ),
      // A failing case shrinks through many doubles, each a full solve: bound the time so a
      // failure is reported rather than running for minutes.
      { numRuns: 300, interruptAfterTimeLimit: 20_000, markInterruptAsFailure: true },
    );
  });
});
