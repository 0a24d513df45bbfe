import { describe, expect, it } from "vitest";
import { ShihyoError } from "../errors.js";
import type { FormulaNode } from "./ast.js";
import { compileFormula } from "./compileFormula.js";
import { evaluateFormula, type FormulaLookup } from "./evaluateFormula.js";
import { formulaReferences } from "./formulaReferences.js";
import { MAX_COMPOSED_DEPTH } from "./limits.js";
import { parseFormula } from "./parseFormula.js";

const inputs: Record<string, number | null> = {
  a: 2,
  b: 3,
  c: 4,
  zero: 0,
  neg: -2,
  half: 0.5,
  big: 1e200,
  missing: null,
  other_missing: null,
};

function lookupIn(values: Record<string, number | null>): FormulaLookup {
  return (id) => (Object.hasOwn(values, id) ? (values[id] ?? null) : null);
}

/** Runs the compiled closure on the same inputs, null standing for NaN. */
function compiledValue(source: string, values: Record<string, number | null>): number | null {
  const ast = parseFormula(source);
  const ids = formulaReferences(ast);
  const run = compileFormula(ast, (id) => ids.indexOf(id));
  const result = run(Float64Array.from(ids, (id) => values[id] ?? Number.NaN));
  return Number.isNaN(result) ? null : result;
}

describe("evaluateFormula and compileFormula: values", () => {
  it.each<[string, number | null]>([
    ["1 + 2 * 3", 7],
    ["(1 + 2) * 3", 9],
    ["10 - 4 - 3", 3],
    ["10 - (4 - 3)", 9],
    ["100 / 10 / 5", 2],
    ["100 / (10 / 5)", 50],
    ["2 ^ 3 ^ 2", 512],
    ["(2 ^ 3) ^ 2", 64],
    ["-2 ^ 2", -4],
    ["(-2) ^ 2", 4],
    ["2 ^ -1", 0.5],
    ["-a ^ 2", -4],
    ["neg ^ 2", 4],
    ["neg ^ 3", -8],
    ["--a", 2],
    ["-(-a)", 2],
    ["+a", 2],
    ["a * -b", -6],
    ["a - -b", 5],
    ["-a * b + c", -2],
    ["a * b - c / a", 4],
    ["1_000_000 * .5", 500_000],
    ["1e6 / 1e3", 1000],
    ["1 + 2 < 4", 1],
    ["a * b == 6", 1],
    ["a != 2", 0],
    ["a <= 2", 1],
    ["a >= 2.0001", 0],
    ["a > b", 0],
    ["a < b", 1],
    ["(a < b) + (b < c)", 2],
    ["(a > b) * 10", 0],
    ["-0 == 0", 1],
    ["0.1 + 0.2 == 0.3", 0],
    ["round(0.1 + 0.2, 10) == 0.3", 1],
    ["if(a > b, 1, 2)", 2],
    ["if(a < b, 1, 2)", 1],
    ["if(zero, 1, 2)", 2],
    ["if(neg, 1, 2)", 1],
    ["if(half, 1, 2)", 1],
    ["if(a > b, missing, 7)", 7],
    ["if(a < b, 7, missing)", 7],
    ["if(a < b, 7, a / zero)", 7],
    ["if(a < b, 7, big * big)", 7],
    ["if(missing, 1, 2)", null],
    ["if(a < b, missing, 7)", null],
    ["if(if(a, zero, 1), 10, 20)", 20],
    ["min(c, a, b)", 2],
    ["min(a)", 2],
    ["min(a, missing)", null],
    ["max(c, a, b, 3.5)", 4],
    ["max(neg, zero)", 0],
    ["max(neg)", -2],
    ["min(5, 4, 3, 2, 1, 0, -1)", -1],
    ["abs(neg)", 2],
    ["abs(a - c)", 2],
    ["abs(zero)", 0],
    ["round(2.5)", 3],
    ["round(-2.5)", -3],
    ["round(2.4999)", 2],
    ["round(0.5)", 1],
    ["round(-0.4)", 0],
    ["round(1.005, 2)", 1.01],
    ["round(1.45, 1)", 1.5],
    ["round(1234.5678, 2)", 1234.57],
    ["round(-1234.5678, 1)", -1234.6],
    ["round(1234.5678, -2)", 1200],
    ["round(1250, -2)", 1300],
    ["round(2.567, 2.9)", 2.57],
    ["round(2.567, -0.5)", 3],
    ["round(123456789.123456, 3)", 123456789.123],
    ["round(1e20, 2)", 1e20],
    ["round(a, 400)", 2],
    ["round(a, -400)", 0],
    ["round(a, missing)", null],
    ["a / zero", null],
    ["zero / zero", null],
    ["a / (b - b)", null],
    ["zero / a", 0],
    ["big * big", null],
    ["big * big * zero", null],
    ["-big * big", null],
    ["1 / (big * big)", null],
    ["min(big * big, 1)", null],
    ["max(-big * big, 1)", null],
    ["big * big > 1", null],
    ["if(big * big, 1, 2)", null],
    ["if(big / 1e-200, 1, 2)", null],
    ["big / 1e-200 * 0", null],
    ["(big * big) ^ 0", null],
    ["1 ^ (big * big)", null],
    ["round(big * big)", null],
    ["round(1, big * big)", null],
    ["abs(big * big)", null],
    ["big * big - big * big", null],
    ["zero ^ -1", null],
    ["neg ^ 0.5", null],
    ["zero ^ 0", 1],
    ["half ^ 2000", 0],
    ["big / big", 1],
    ["big * 1e100", 1e300],
    ["a + missing", null],
    ["missing * 0", null],
    ["missing == missing", null],
    ["-missing", null],
    ["unknown_id", null],
    ["visitors * cvr", null],
  ])("%s = %s", (source, expected) => {
    const result = evaluateFormula(parseFormula(source), lookupIn(inputs));
    expect(result.value).toBe(expected);
    expect(result.reason === null).toBe(expected !== null);
    expect(compiledValue(source, inputs)).toBe(expected);
  });

  it("computes the worked example of the semantics page", () => {
    const example = {
      visitors: 10_000,
      cvr: 0.01,
      opp_rate: 0.5,
      close_rate: 0.4,
      leads: 300,
      win_rate: 0.2,
      deal_size: 500_000,
    };
    const cases: Array<[string, number]> = [
      ["visitors * cvr", 100],
      ["opp_rate * close_rate", 0.2],
      ["leads * win_rate * deal_size", 30_000_000],
      ["visitors * cvr * opp_rate * close_rate * deal_size", 10_000_000],
    ];
    for (const [source, expected] of cases) {
      expect(evaluateFormula(parseFormula(source), lookupIn(example)).value).toBeCloseTo(expected, 6);
      expect(compiledValue(source, example)).toBeCloseTo(expected, 6);
    }
  });

  it("never answers -0", () => {
    for (const source of ["-zero", "zero * neg", "round(-0.4)", "min(-zero)"]) {
      expect(Object.is(evaluateFormula(parseFormula(source), lookupIn(inputs)).value, 0)).toBe(true);
      expect(Object.is(compiledValue(source, inputs), 0)).toBe(true);
    }
  });
});

describe("evaluateFormula: reasons", () => {
  it.each([
    ["a + missing", { kind: "missing_input", ids: ["missing"] }],
    ["missing * other_missing + missing", { kind: "missing_input", ids: ["missing", "other_missing"] }],
    ["min(missing, a / zero, other_missing)", { kind: "missing_input", ids: ["missing", "other_missing"] }],
    ["missing / zero", { kind: "missing_input", ids: ["missing"] }],
    ["if(missing, other_missing, a)", { kind: "missing_input", ids: ["missing"] }],
    ["a / zero", { kind: "division_by_zero", at: { start: 0, end: 8 } }],
    ["a / (b - b)", { kind: "division_by_zero", at: { start: 0, end: 11 } }],
    ["1 + a / zero + b / zero", { kind: "division_by_zero", at: { start: 4, end: 12 } }],
    ["if(a > b, missing, a / zero)", { kind: "division_by_zero", at: { start: 19, end: 27 } }],
    ["big * big", { kind: "not_finite" }],
    ["neg ^ 0.5", { kind: "not_finite" }],
    ["zero ^ -1", { kind: "not_finite" }],
    ["min(1, big * big)", { kind: "not_finite" }],
    ["round(1.7e308, -308)", { kind: "not_finite" }],
  ])("%s has no value: %j", (source, reason) => {
    expect(evaluateFormula(parseFormula(source), lookupIn(inputs))).toEqual({ value: null, reason });
  });

  it("asks for each id once, and never for the branch not taken", () => {
    const asked: string[] = [];
    const lookup: FormulaLookup = (id) => {
      asked.push(id);
      return lookupIn(inputs)(id);
    };
    const result = evaluateFormula(
      parseFormula("a * a + if(a < b, c, missing) + if(zero, other_missing, a)"),
      lookup,
    );
    expect(result).toEqual({ value: 10, reason: null });
    expect(asked).toEqual(["a", "b", "c", "zero"]);
  });

  it("treats a non-finite answer from the lookup as no value", () => {
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
      expect(evaluateFormula(parseFormula("x * 0 + 1"), () => bad)).toEqual({
        value: null,
        reason: { kind: "missing_input", ids: ["x"] },
      });
    }
  });

  it("gives no value, without throwing, for hand-built trees the parser never makes", () => {
    const lookup = lookupIn(inputs);
    const span = { start: 0, end: 0 };
    const malformed: FormulaNode[] = [
      { kind: "call", fn: "min", args: [], ...span },
      { kind: "call", fn: "if", args: [{ kind: "number", value: 1, ...span }], ...span },
      { kind: "call", fn: "abs", args: [], ...span },
      { kind: "number", value: Number.POSITIVE_INFINITY, ...span },
      { kind: "number", value: Number.NaN, ...span },
      deepNegation(MAX_COMPOSED_DEPTH + 1),
    ];
    for (const ast of malformed) {
      expect(evaluateFormula(ast, lookup)).toEqual({ value: null, reason: { kind: "not_finite" } });
      if (formulaReferences(ast).length === 0 && ast.kind !== "negate") {
        expect(compileFormula(ast, () => 0)(new Float64Array(0))).toBeNaN();
      }
    }
  });
});

function deepNegation(depth: number): FormulaNode {
  let node: FormulaNode = { kind: "number", value: 1, start: 0, end: 1 };
  for (let i = 1; i < depth; i++) node = { kind: "negate", operand: node, start: 0, end: 1 };
  return node;
}

describe("compileFormula", () => {
  const ast = parseFormula("visitors * cvr * opp_rate * close_rate * deal_size");
  const slots = new Map([
    ["visitors", 0],
    ["cvr", 1],
    ["opp_rate", 2],
    ["close_rate", 3],
    ["deal_size", 4],
  ]);
  const run = compileFormula(ast, (id) => slots.get(id) ?? -1);

  it("reads each id from its slot and can be run many times", () => {
    expect(run(Float64Array.of(10_000, 0.01, 0.5, 0.4, 1_000_000))).toBeCloseTo(20_000_000, 6);
    expect(run(Float64Array.of(20_000, 0.01, 0.5, 0.4, 1_000_000))).toBeCloseTo(40_000_000, 6);
    expect(run(Float64Array.of(10_000, Number.NaN, 0.5, 0.4, 1_000_000))).toBeNaN();
  });

  it("asks slotOf only while compiling", () => {
    let calls = 0;
    const counted = compileFormula(parseFormula("a * b + a"), (id) => {
      calls++;
      return id === "a" ? 0 : 1;
    });
    const before = calls;
    counted(Float64Array.of(2, 3));
    counted(Float64Array.of(4, 5));
    expect(calls).toBe(before);
    expect(counted(Float64Array.of(4, 5))).toBe(24);
  });

  it.each([
    ["a", -1],
    ["a", 1.5],
    ["a", Number.NaN],
    ["a", 5],
    ["a * 2", 5],
    ["a + 2", 5],
    ["2 - a", 5],
    ["a < 1", 5],
    ["if(a, 1, 2)", 5],
    ["min(a, 1)", 5],
    ["max(1, 2, a)", 5],
    ["abs(a)", 5],
    ["round(a)", 5],
    ["round(1, a)", 5],
    ["a ^ 0", 5],
    ["1 / a", 5],
    ["-a", -1],
  ])("%s with slot %d (not a slot of a 2-value array) has no value", (source, slot) => {
    expect(compileFormula(parseFormula(source), () => slot)(Float64Array.of(1, 2))).toBeNaN();
  });

  it.each([
    "a * 0",
    "a - a",
    "1 / a",
    "0 / a",
    "min(a, 1)",
    "max(-a, 1)",
    "a > 1",
    "a == a",
    "a ^ 0",
    "1 ^ a",
    "if(a, 1, 2)",
    "round(a)",
    "round(1, a)",
    "abs(a)",
  ])("%s has no value when the array holds Infinity", (source) => {
    const compiled = compileFormula(parseFormula(source), () => 0);
    expect(compiled(Float64Array.of(Number.POSITIVE_INFINITY))).toBeNaN();
    expect(compiled(Float64Array.of(Number.NEGATIVE_INFINITY))).toBeNaN();
  });

  it("refuses a tree deeper than the composed-formula limit", () => {
    expect(() => compileFormula(deepNegation(MAX_COMPOSED_DEPTH + 1), () => 0)).toThrow(ShihyoError);
    expect(compileFormula(deepNegation(MAX_COMPOSED_DEPTH), () => 0)(new Float64Array(0))).toBe(-1);
  });
});
