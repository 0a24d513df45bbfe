import { describe, expect, it } from "vitest";
import { ShihyoError } from "../errors.js";
import type { FormulaNode } from "./ast.js";
import { checkReferences } from "./checkReferences.js";
import { evaluateFormula } from "./evaluateFormula.js";
import { formatFormula } from "./formatFormula.js";
import { formulaReferences } from "./formulaReferences.js";
import { MAX_COMPOSED_DEPTH } from "./limits.js";
import { parseFormula } from "./parseFormula.js";
import { substituteFormula } from "./substituteFormula.js";

const span = { start: 0, end: 0 };

describe("formatFormula", () => {
  it.each([
    ["a+b*c", "a + b * c"],
    ["(a+b)*c", "(a + b) * c"],
    ["a-(b-c)", "a - (b - c)"],
    ["a-(b+c)", "a - (b + c)"],
    ["(a-b)+c", "a - b + c"],
    ["a+(b+c)", "a + (b + c)"],
    ["a/(b*c)", "a / (b * c)"],
    ["a*(b/c)", "a * (b / c)"],
    ["(a*b)/c", "a * b / c"],
    ["2^(3^2)", "2^3^2"],
    ["(2^3)^2", "(2^3)^2"],
    ["-(2^2)", "-2^2"],
    ["(-2)^2", "(-2)^2"],
    ["-(a*b)", "-(a * b)"],
    ["(-a)*b", "-a * b"],
    ["a^(-b)", "a^-b"],
    ["a^(b*c)", "a^(b * c)"],
    ["--a", "-(-a)"],
    ["a - -b", "a - -b"],
    ["((a))", "a"],
    ["+a", "a"],
    ["(a < b) == (c < a)", "(a < b) == (c < a)"],
    ["(a + b) < c", "a + b < c"],
    ["(a < b) * 2", "(a < b) * 2"],
    ["if((a>b), (1), 0)", "if(a > b, 1, 0)"],
    ["min( a ,b )", "min(a, b)"],
    ["max(a)", "max(a)"],
    ["round(a,-2)", "round(a, -2)"],
    ["-min(a, b)", "-min(a, b)"],
    ["1_000_000", "1000000"],
    [".5", "0.5"],
    ["1E3", "1000"],
    ["1e21", "1e+21"],
    ["0.000001", "0.000001"],
    ["1e-7", "1e-7"],
    ["a\u3000*\u3000b", "a * b"],
    ["visitors*cvr*opp_rate*close_rate*deal_size", "visitors * cvr * opp_rate * close_rate * deal_size"],
  ])("%s → %s", (source, canonical) => {
    const ast = parseFormula(source);
    const text = formatFormula(ast);
    expect(text).toBe(canonical);
    expect(withoutSpans(parseFormula(text))).toEqual(withoutSpans(ast));
  });

  it("writes a hand-built negative number as a negation with the same value", () => {
    const ast: FormulaNode = {
      kind: "arithmetic",
      op: "^",
      left: { kind: "number", value: -3, ...span },
      right: { kind: "number", value: 2, ...span },
      ...span,
    };
    expect(formatFormula(ast)).toBe("(-3)^2");
    expect(evaluateFormula(parseFormula(formatFormula(ast)), () => null).value).toBe(9);
  });

  it("writes a hand-built non-finite number as something with no value", () => {
    const text = formatFormula({ kind: "number", value: Number.POSITIVE_INFINITY, ...span });
    expect(evaluateFormula(parseFormula(text), () => null).value).toBeNull();
  });
});

describe("formulaReferences", () => {
  it.each([
    ["b * a + b - c", ["b", "a", "c"]],
    ["if(x > 0, y, z)", ["x", "y", "z"]],
    ["min(a, max(b, a), c)", ["a", "b", "c"]],
    ["1 + 2", []],
    ["-(a ^ b) < c", ["a", "b", "c"]],
  ])("%s → %j", (source, ids) => {
    expect(formulaReferences(parseFormula(source))).toEqual(ids);
  });
});

describe("substituteFormula", () => {
  it.each([
    ["leads * win_rate", "leads", "visitors * cvr", "visitors * cvr * win_rate"],
    ["win_rate * leads", "leads", "visitors * cvr", "win_rate * (visitors * cvr)"],
    ["a / leads", "leads", "b + c", "a / (b + c)"],
    ["leads ^ 2", "leads", "-x", "(-x)^2"],
    ["-leads", "leads", "x ^ 2", "-x^2"],
    ["leads + leads", "leads", "a * b", "a * b + a * b"],
    ["if(leads > 0, leads, 0)", "leads", "x - y", "if(x - y > 0, x - y, 0)"],
    ["a + b", "leads", "x", "a + b"],
  ])("%s with %s = %s → %s", (source, id, replacement, expected) => {
    expect(formatFormula(substituteFormula(parseFormula(source), id, parseFormula(replacement)))).toBe(
      expected,
    );
  });

  it("returns the same tree when the id does not occur", () => {
    const ast = parseFormula("a * (b + c)");
    expect(substituteFormula(ast, "x", parseFormula("y"))).toBe(ast);
  });

  it("refuses a composition deeper than the composed-formula limit", () => {
    let chain: FormulaNode = parseFormula("x");
    // x appears once, deepest, so each step adds 150 levels without multiplying the tree.
    const step = parseFormula(`x${" + 1".repeat(149)}`);
    const substitute = () => {
      for (let i = 0; i < 20; i++) chain = substituteFormula(step, "x", chain);
    };
    expect(substitute).toThrow(ShihyoError);
    expect(MAX_COMPOSED_DEPTH).toBeLessThan(20 * 150);
  });
});

describe("checkReferences", () => {
  const known = new Set(["visitors", "cvr", "win_rate", "deal_size"]);

  it("accepts formulas over known ids", () => {
    expect(() => checkReferences(parseFormula("visitors * cvr * 2"), known)).not.toThrow();
  });

  it.each([
    ["visitor * cvr", "visitor", "visitors", 0, 7],
    ["visitors * cvr * win_rat", "win_rat", "win_rate", 17, 7],
    ["visitors * zzzzzzzz", "zzzzzzzz", null, 11, 8],
  ])("%s names %s, suggests %s", (source, id, suggestion, offset, length) => {
    try {
      checkReferences(parseFormula(source), known);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ShihyoError);
      const shihyo = error as ShihyoError;
      expect(shihyo.code).toBe("formula.unknownId");
      expect(shihyo.params).toEqual({ id, suggestion });
      expect(shihyo.location).toEqual({ offset, length });
      expect(shihyo.text("ja")).toContain(id);
    }
  });
});

function withoutSpans(node: FormulaNode): unknown {
  switch (node.kind) {
    case "number":
      return { kind: node.kind, value: node.value };
    case "reference":
      return { kind: node.kind, id: node.id };
    case "negate":
      return { kind: node.kind, operand: withoutSpans(node.operand) };
    case "arithmetic":
    case "comparison":
      return { kind: node.kind, op: node.op, left: withoutSpans(node.left), right: withoutSpans(node.right) };
    case "call":
      return { kind: node.kind, fn: node.fn, args: node.args.map(withoutSpans) };
  }
}
