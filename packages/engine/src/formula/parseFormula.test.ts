import { describe, expect, it } from "vitest";
import { ShihyoError } from "../errors.js";
import type { FormulaNode } from "./ast.js";
import { formulaErrorCaret } from "./formulaErrorCaret.js";
import { MAX_FORMULA_DEPTH } from "./limits.js";
import { formulaMessages } from "./messages.js";
import { parseFormula } from "./parseFormula.js";

/** The tree as an S-expression, so expected structures fit on one line of a table. */
function shape(node: FormulaNode): string {
  switch (node.kind) {
    case "number":
      return String(node.value);
    case "reference":
      return node.id;
    case "negate":
      return `(neg ${shape(node.operand)})`;
    case "arithmetic":
    case "comparison":
      return `(${node.op} ${shape(node.left)} ${shape(node.right)})`;
    case "call":
      return `(${node.fn} ${node.args.map(shape).join(" ")})`;
  }
}

function parseError(source: string): ShihyoError {
  try {
    parseFormula(source);
  } catch (error) {
    if (error instanceof ShihyoError) return error;
    throw error;
  }
  throw new Error(`parsed without error: ${source}`);
}

describe("parseFormula: structure", () => {
  it.each([
    ["a + b * c", "(+ a (* b c))"],
    ["(a + b) * c", "(* (+ a b) c)"],
    ["a - b - c", "(- (- a b) c)"],
    ["a / b / c", "(/ (/ a b) c)"],
    ["a * b / c * d", "(* (/ (* a b) c) d)"],
    ["2 ^ 3 ^ 2", "(^ 2 (^ 3 2))"],
    ["-2 ^ 2", "(neg (^ 2 2))"],
    ["(-2) ^ 2", "(^ (neg 2) 2)"],
    ["2 ^ -1", "(^ 2 (neg 1))"],
    ["2 ^ -3 ^ 2", "(^ 2 (neg (^ 3 2)))"],
    ["-a * b", "(* (neg a) b)"],
    ["a * -b", "(* a (neg b))"],
    ["--a", "(neg (neg a))"],
    ["+a", "a"],
    ["+-+a", "(neg a)"],
    ["a - -b", "(- a (neg b))"],
    ["a + b < c * d", "(< (+ a b) (* c d))"],
    ["a <= b", "(<= a b)"],
    ["a >= b", "(>= a b)"],
    ["a == b", "(== a b)"],
    ["a != b", "(!= a b)"],
    ["a > b", "(> a b)"],
    ["(a < b) < c", "(< (< a b) c)"],
    ["(a > b) * 10", "(* (> a b) 10)"],
    ["min(a)", "(min a)"],
    ["min(a, b, c, d)", "(min a b c d)"],
    ["max(a, min(b, c))", "(max a (min b c))"],
    ["abs(a - b)", "(abs (- a b))"],
    ["round(a)", "(round a)"],
    ["round(a, -2)", "(round a (neg 2))"],
    ["if(a > b, a, b)", "(if (> a b) a b)"],
    ["if(a, b < c, 0)", "(if a (< b c) 0)"],
    ["min (a, b)", "(min a b)"],
    ["((((a))))", "a"],
    [
      "visitors * cvr * opp_rate * close_rate * deal_size",
      "(* (* (* (* visitors cvr) opp_rate) close_rate) deal_size)",
    ],
    ["x1 + a_b_2 + z", "(+ (+ x1 a_b_2) z)"],
    ["constructor + valueof + prototype", "(+ (+ constructor valueof) prototype)"],
  ])("%s → %s", (source, expected) => {
    expect(shape(parseFormula(source))).toBe(expected);
  });

  it.each([
    ["12", 12],
    ["0.5", 0.5],
    [".5", 0.5],
    ["007", 7],
    ["1e6", 1e6],
    ["1E6", 1e6],
    ["2.5e-3", 0.0025],
    ["1e+21", 1e21],
    ["1_000_000", 1_000_000],
    ["30_000_000.5", 30_000_000.5],
    ["0.000_1", 0.0001],
    ["1e1_0", 1e10],
    ["1e-400", 0],
  ])("number %s is %d", (source, value) => {
    expect(parseFormula(source)).toEqual({ kind: "number", value, start: 0, end: source.length });
  });

  it.each([
    ["tabs and newlines", "a\t*\n(b\r\n+ c)"],
    ["full-width spaces", "a\u3000*\u3000(b + c)"],
    ["no-break spaces", "a\u00a0*\u00a0(b + c)"],
    ["no spaces", "a*(b+c)"],
    ["spaces everywhere", "  a  *  (  b  +  c  )  "],
  ])("accepts %s as whitespace", (_, source) => {
    expect(shape(parseFormula(source))).toBe("(* a (+ b c))");
  });

  it("gives every node the span of its text, parentheses included", () => {
    const ast = parseFormula("a * (b + c)");
    expect(ast).toMatchObject({ kind: "arithmetic", start: 0, end: 11 });
    if (ast.kind !== "arithmetic") throw new Error("not arithmetic");
    expect(ast.left).toMatchObject({ kind: "reference", id: "a", start: 0, end: 1 });
    expect(ast.right).toMatchObject({ kind: "arithmetic", op: "+", start: 4, end: 11 });
  });

  it.each([
    ["min(a, b)", 0, 9],
    ["-x", 0, 2],
    ["+x", 0, 2],
    ["  a < b ", 2, 7],
    ["2 ^ (x)", 0, 7],
  ])("span of %j is %i..%i", (source, start, end) => {
    expect(parseFormula(source)).toMatchObject({ start, end });
  });
});

describe("parseFormula: errors", () => {
  it.each([
    ["", "formula.empty", 0, 0],
    ["   ", "formula.empty", 0, 0],
    ["a +", "formula.unexpectedEnd", 3, 0],
    ["a + ", "formula.unexpectedEnd", 4, 0],
    ["(a + b", "formula.unexpectedEnd", 6, 0],
    ["min(a, b", "formula.unexpectedEnd", 8, 0],
    ["min(", "formula.unexpectedEnd", 4, 0],
    ["-", "formula.unexpectedEnd", 1, 0],
    ["a b", "formula.expectedToken", 2, 1],
    ["2x", "formula.expectedToken", 1, 1],
    ["2 (b)", "formula.expectedToken", 2, 1],
    ["a (b)", "formula.unknownFunction", 0, 1],
    ["1.2.3", "formula.expectedToken", 3, 2],
    ["()", "formula.expectedToken", 1, 1],
    ["a * * b", "formula.expectedToken", 4, 1],
    ["min(a b)", "formula.expectedToken", 6, 1],
    ["min(a,)", "formula.expectedToken", 6, 1],
    ["min(, a)", "formula.expectedToken", 4, 1],
    ["(a, b)", "formula.expectedToken", 2, 1],
    ["a, b", "formula.expectedToken", 1, 1],
    ["a)", "formula.unmatchedParen", 1, 1],
    ["(a))", "formula.unmatchedParen", 3, 1],
    ["a < b < c", "formula.chainedComparison", 6, 1],
    ["a == b != c", "formula.chainedComparison", 7, 2],
    ["foo(a)", "formula.unknownFunction", 0, 3],
    ["sum(a, b)", "formula.unknownFunction", 0, 3],
    ["MAX(a, b)", "formula.unknownFunction", 0, 3],
    ["a + mx(b)", "formula.unknownFunction", 4, 2],
    ["min", "formula.functionWithoutCall", 0, 3],
    ["a * if", "formula.functionWithoutCall", 4, 2],
    ["min()", "formula.arity", 0, 5],
    ["max()", "formula.arity", 0, 5],
    ["abs(a, b)", "formula.arity", 0, 9],
    ["round(a, 1, 2)", "formula.arity", 0, 14],
    ["if(a, b)", "formula.arity", 0, 8],
    ["x + if(a, b, c, d)", "formula.arity", 4, 14],
    ["Revenue", "formula.invalidId", 0, 7],
    ["a * winRate", "formula.invalidId", 4, 7],
    ["_private", "formula.invalidId", 0, 8],
    ["__proto__", "formula.invalidId", 0, 9],
    ["toString", "formula.invalidId", 0, 8],
    ["globalThis", "formula.invalidId", 0, 10],
    ["20%", "formula.unexpectedChar", 2, 1],
    ["a = b", "formula.unexpectedChar", 2, 1],
    ["!a", "formula.unexpectedChar", 0, 1],
    ["a ** 2", "formula.unexpectedChar", 2, 2],
    ["a <> b", "formula.unexpectedChar", 2, 2],
    ["a × b", "formula.unexpectedChar", 2, 1],
    ["a ÷ b", "formula.unexpectedChar", 2, 1],
    ["ａ + b", "formula.unexpectedChar", 0, 1],
    ["a ＋ b", "formula.unexpectedChar", 2, 1],
    ["売上 * 2", "formula.unexpectedChar", 0, 1],
    ["a.b", "formula.unexpectedChar", 1, 1],
    ["a[0]", "formula.unexpectedChar", 1, 1],
    ["'a'", "formula.unexpectedChar", 0, 1],
    ["a; b", "formula.unexpectedChar", 1, 1],
    ["a && b", "formula.unexpectedChar", 2, 1],
    ["$x", "formula.unexpectedChar", 0, 1],
    ["🙂 + a", "formula.unexpectedChar", 0, 2],
    ["1e", "formula.badNumber", 0, 2],
    ["1e+", "formula.badNumber", 0, 3],
    ["5.", "formula.badNumber", 0, 2],
    ["5.e3", "formula.badNumber", 0, 2],
    ["1_", "formula.badNumber", 0, 2],
    ["1__0", "formula.badNumber", 0, 2],
    ["a + 1e999", "formula.numberTooLarge", 4, 5],
  ])("%j → %s at %i (length %i)", (source, code, offset, length) => {
    const error = parseError(source);
    expect(error.code).toBe(code);
    expect(error.location).toEqual({ offset, length });
  });

  it.each([
    ["MAX(a, b)", "max"],
    ["mx(a, b)", "max"],
    ["rond(a)", "round"],
    ["iff(a, b, c)", "if"],
    ["average(a, b)", null],
  ])("%s suggests the function %s", (source, suggestion) => {
    expect(parseError(source).params).toMatchObject({ suggestion });
  });

  it.each([
    ["Revenue", "revenue"],
    ["winRate", "win_rate"],
    ["CVR", "cvr"],
    ["__proto__", "proto__"],
    ["_", null],
  ])("%s suggests the id %s", (source, suggestion) => {
    expect(parseError(source).params).toMatchObject({ suggestion });
  });

  it.each([
    ["×", "*"],
    ["÷", "/"],
    ["＊", "*"],
    ["（", "("],
    ["１", "1"],
    ["＝", "=="],
    ["≦", "<="],
    ["≠", "!="],
    ["−", "-"],
  ])("suggests %s → %s", (char, suggestion) => {
    expect(parseError(`a ${char} b`).params).toMatchObject({ char, suggestion });
  });

  it("explains a percent sign instead of guessing", () => {
    const error = parseError("cvr * 20%");
    expect(error.params).toMatchObject({ hint: "percent" });
    expect(error.text("en")).toContain("0.2");
    expect(error.text("ja")).toContain("0.2");
  });

  it("renders every error in both languages, with parameters filled in", () => {
    for (const source of [
      "",
      "a +",
      "(a",
      "min(a",
      "a b",
      "a)",
      "a < b < c",
      "foo(a)",
      "min",
      "min()",
      "Revenue",
    ]) {
      const error = parseError(source);
      const en = error.text("en");
      const ja = error.text("ja");
      expect(en).not.toMatch(/undefined|null|\[object/);
      expect(ja).not.toMatch(/undefined|null|\[object/);
      expect(ja).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
      expect(en).not.toBe(ja);
      expect(error.message).toBe(en);
    }
  });

  it("has the same message codes in both languages", () => {
    expect(Object.keys(formulaMessages.ja).sort()).toEqual(Object.keys(formulaMessages.en).sort());
  });
});

describe("parseFormula: nesting limit", () => {
  const limit = MAX_FORMULA_DEPTH;
  const over = 100_000;

  it.each([
    ["parentheses", (n: number) => `${"(".repeat(n)}a${")".repeat(n)}`],
    ["negations", (n: number) => `${"-".repeat(n)}a`],
    ["unary pluses", (n: number) => `${"+".repeat(n)}a`],
    ["powers", (n: number) => `${"a^".repeat(n)}a`],
    ["calls", (n: number) => `${"abs(".repeat(n)}a${")".repeat(n)}`],
    ["a long sum", (n: number) => Array.from({ length: n + 1 }, () => "a").join(" + ")],
    ["a long product", (n: number) => Array.from({ length: n + 1 }, () => "a").join(" * ")],
    ["unclosed parentheses", (n: number) => "(".repeat(n)],
  ])("refuses %s nested past the limit with formula.tooDeep, not a stack overflow", (_, make) => {
    for (const n of [limit + 1, over]) {
      const error = parseError(make(n));
      expect(error.code).toBe("formula.tooDeep");
      expect(error.params).toEqual({ limit });
    }
  });

  it("accepts formulas up to the limit", () => {
    expect(() => parseFormula(Array.from({ length: limit }, () => "a").join(" + "))).not.toThrow();
    expect(() => parseFormula(`${"(".repeat(limit - 1)}a${")".repeat(limit - 1)}`)).not.toThrow();
  });

  it("points at the token that went too deep", () => {
    expect(parseError(`${"(".repeat(limit + 1)}a${")".repeat(limit + 1)}`).location).toEqual({
      offset: limit,
      length: 1,
    });
  });
});

describe("formulaErrorCaret", () => {
  it.each([
    ["a + * b", "a + * b\n    ^"],
    ["foo(a) + b", "foo(a) + b\n^^^"],
    ["a +", "a +\n   ^"],
    ["", "\n^"],
    ["round(a, 1, 2)", "round(a, 1, 2)\n^^^^^^^^^^^^^^"],
    ["a\n+ * b", "a + * b\n    ^"],
    ["売 + a", "売 + a\n^^"],
    ["a\u3000＋ b", "a\u3000＋ b\n   ^^"],
  ])("%j", (source, expected) => {
    expect(formulaErrorCaret(source, parseError(source))).toBe(expected);
  });

  it("shows the formula alone when the error has no offset", () => {
    expect(formulaErrorCaret("a + b", { location: {} })).toBe("a + b\n");
  });

  it("clamps a span that runs past the text", () => {
    expect(formulaErrorCaret("ab", { location: { offset: 1, length: 10 } })).toBe("ab\n ^");
  });
});
