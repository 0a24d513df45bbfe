import { describe, expect, it } from "vitest";
import { evaluateWithDerivative } from "./differentiate.js";
import type { FormulaLookup } from "./evaluateFormula.js";
import { parseFormula } from "./parseFormula.js";
import { substituteFormula } from "./substituteFormula.js";

function at(values: Record<string, number | null>): FormulaLookup {
  return (id) => (Object.hasOwn(values, id) ? (values[id] ?? null) : null);
}

function d(source: string, values: Record<string, number | null>, wrt = "x") {
  return evaluateWithDerivative(parseFormula(source), at(values), wrt);
}

describe("evaluateWithDerivative", () => {
  it.each<[string, Record<string, number | null>, number | null, number | null]>([
    ["x", { x: 3 }, 3, 1],
    ["y", { y: 3 }, 3, 0],
    ["7", {}, 7, 0],
    ["-x", { x: 3 }, -3, -1],
    ["x + y", { x: 3, y: 4 }, 7, 1],
    ["x - y", { x: 3, y: 4 }, -1, 1],
    ["y - x", { x: 3, y: 4 }, 1, -1],
    ["x * y", { x: 3, y: 4 }, 12, 4],
    ["x * x", { x: 3 }, 9, 6],
    ["x / y", { x: 3, y: 4 }, 0.75, 0.25],
    ["y / x", { x: 2, y: 4 }, 2, -1],
    ["1 / x", { x: 4 }, 0.25, -0.0625],
    ["x ^ 3", { x: 2 }, 8, 12],
    ["x ^ 0.5", { x: 4 }, 2, 0.25],
    ["x ^ -1", { x: 2 }, 0.5, -0.25],
    ["x ^ 0", { x: 5 }, 1, 0],
    ["(-x) ^ 2", { x: 3 }, 9, 6],
    ["-x ^ 2", { x: 3 }, -9, -6],
    ["3 * x ^ 2 + 2 * x + 1", { x: 2 }, 17, 14],
    ["max(x, y)", { x: 3, y: 2 }, 3, 1],
    ["max(x, y)", { x: 1, y: 2 }, 2, 0],
    ["max(x, y)", { x: 2, y: 2 }, 2, 1],
    ["max(y, x)", { x: 2, y: 2 }, 2, 0],
    ["max(y, 2 * x, 1)", { x: 2, y: 3 }, 4, 2],
    ["min(x, y)", { x: 1, y: 2 }, 1, 1],
    ["min(x, y)", { x: 3, y: 2 }, 2, 0],
    ["min(x)", { x: 3 }, 3, 1],
    ["abs(x)", { x: -3 }, 3, -1],
    ["abs(x)", { x: 3 }, 3, 1],
    ["abs(x)", { x: 0 }, 0, 1],
    ["abs(y - x)", { x: 5, y: 2 }, 3, 1],
    ["round(x * 10)", { x: 0.26 }, 3, 0],
    ["round(x, 1)", { x: 0.26 }, 0.3, 0],
    ["x > y", { x: 3, y: 2 }, 1, 0],
    ["(x > y) * x", { x: 3, y: 2 }, 3, 1],
    ["if(x > 2, x * x, y)", { x: 3, y: 5 }, 9, 6],
    ["if(x > 2, x * x, y)", { x: 1, y: 5 }, 5, 0],
    ["if(y, x, missing)", { x: 1, y: 5 }, 1, 1],
    ["x ^ 0.5", { x: 0 }, 0, null],
    ["x / y", { x: 3, y: 0 }, null, null],
    ["x * missing", { x: 3 }, null, null],
    ["x", {}, null, null],
    ["y * 3", { y: 2 }, 6, 0],
    ["x * y", { x: 1e200, y: 1e200 }, null, null],
    ["x * y", { x: 1e200, y: 2 }, 2e200, 2],
    ["if(x / 0.25, y, 0)", { x: -1e308, y: 1 }, null, null],
    ["x / y", { x: 1e308, y: 0.5 }, null, null],
  ])("d/dx %s at %j = %s, %s", (source, values, value, derivative) => {
    expect(d(source, values)).toEqual({ value, derivative });
  });

  it.each<[string, Record<string, number>, number, number]>([
    ["2 ^ x", { x: 3 }, 8, 8 * Math.log(2)],
    ["x ^ x", { x: 2 }, 4, 4 * (Math.log(2) + 1)],
    ["x ^ y", { x: 2, y: 3 }, 8, 12],
    ["y ^ x", { x: 3, y: 2 }, 8, 8 * Math.log(2)],
    ["x * y / (x + y)", { x: 2, y: 3 }, 1.2, 9 / 25],
  ])("d/dx %s at %j = %d, %d", (source, values, value, derivative) => {
    const result = d(source, values);
    expect(result.value).toBeCloseTo(value, 12);
    expect(result.derivative).toBeCloseTo(derivative, 12);
  });

  it("differentiates through a chain composed by substitution", () => {
    const revenue = parseFormula("leads * win_rate * deal_size");
    const leads = parseFormula("visitors * cvr");
    const winRate = parseFormula("opp_rate * close_rate");
    const composed = substituteFormula(substituteFormula(revenue, "leads", leads), "win_rate", winRate);
    const values = at({ visitors: 10_000, cvr: 0.01, opp_rate: 0.5, close_rate: 0.4, deal_size: 500_000 });
    const byVisitors = evaluateWithDerivative(composed, values, "visitors");
    expect(byVisitors.value).toBeCloseTo(10_000_000, 6);
    expect(byVisitors.derivative).toBeCloseTo(0.01 * 0.5 * 0.4 * 500_000, 9);
    // A pure product has elasticity 1 in every input: ∂R/∂x · x/R.
    for (const [id, x] of [
      ["visitors", 10_000],
      ["cvr", 0.01],
      ["close_rate", 0.4],
    ] as const) {
      const { value, derivative } = evaluateWithDerivative(composed, values, id);
      expect(((derivative ?? 0) * x) / (value ?? 1)).toBeCloseTo(1, 12);
    }
  });
});
