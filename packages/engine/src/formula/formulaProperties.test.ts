import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ShihyoError } from "../errors.js";
import { type ArithmeticOperator, type ComparisonOperator, type FormulaNode, isFormulaId } from "./ast.js";
import { compileFormula } from "./compileFormula.js";
import { evaluateWithDerivative } from "./differentiate.js";
import { evaluateFormula, type FormulaLookup } from "./evaluateFormula.js";
import { formatFormula } from "./formatFormula.js";
import { formulaReferences } from "./formulaReferences.js";
import { parseFormula } from "./parseFormula.js";
import { substituteFormula } from "./substituteFormula.js";

const span = { start: 0, end: 0 };

/** Ids a formula may use; several name things a careless evaluator would find on an object. */
const IDS = [
  "a",
  "b",
  "x",
  "y",
  "visitors",
  "cvr",
  "constructor",
  "prototype",
  "valueof",
  "proto__",
  "process",
];

const idArbitrary = fc.constantFrom(...IDS);

const numberArbitrary = fc
  .oneof(
    fc.constantFrom(0, 1, 2, 3, 0.5, 10, 100, 1e21, 1e-7, 123.456, 1e308, 5e-324),
    fc.nat(1_000_000),
    fc.double({ min: 0, max: 1e300, noNaN: true }),
  )
  .map((value): FormulaNode => ({ kind: "number", value: Math.abs(value) + 0, ...span }));

const ALL_OPERATORS: readonly ArithmeticOperator[] = ["+", "-", "*", "/", "^"];

function formulaArbitrary(
  leaf: fc.Arbitrary<FormulaNode>,
  { operators = ALL_OPERATORS, functions = true, maxDepth = Number.POSITIVE_INFINITY } = {},
): fc.Arbitrary<FormulaNode> {
  return fc.letrec<{ node: FormulaNode }>((tie) => {
    const node = tie("node");
    const branches: Array<fc.Arbitrary<FormulaNode>> = [
      leaf,
      node.map((operand): FormulaNode => ({ kind: "negate", operand, ...span })),
      fc
        .tuple(fc.constantFrom(...operators), node, node)
        .map(([op, left, right]): FormulaNode => ({ kind: "arithmetic", op, left, right, ...span })),
    ];
    if (functions) {
      branches.push(
        fc
          .tuple(fc.constantFrom<ComparisonOperator>("<", "<=", ">", ">=", "==", "!="), node, node)
          .map(([op, left, right]): FormulaNode => ({ kind: "comparison", op, left, right, ...span })),
        fc
          .tuple(
            fc.constantFrom("min" as const, "max" as const),
            fc.array(node, { minLength: 1, maxLength: 4 }),
          )
          .map(([fn, args]): FormulaNode => ({ kind: "call", fn, args, ...span })),
        node.map((arg): FormulaNode => ({ kind: "call", fn: "abs", args: [arg], ...span })),
        fc
          .array(node, { minLength: 1, maxLength: 2 })
          .map((args): FormulaNode => ({ kind: "call", fn: "round", args, ...span })),
        fc.tuple(node, node, node).map((args): FormulaNode => ({ kind: "call", fn: "if", args, ...span })),
      );
    }
    return { node: fc.oneof({ depthSize: "small", withCrossShrink: true, maxDepth }, ...branches) };
  }).node;
}

const referenceArbitrary = idArbitrary.map((id): FormulaNode => ({ kind: "reference", id, ...span }));
const astArbitrary = formulaArbitrary(fc.oneof(numberArbitrary, referenceArbitrary));

/** Formula text as people write it: random spacing, redundant parentheses, unary plus, separators. */
const writtenArbitrary: fc.Arbitrary<string> = fc.letrec<{ text: string }>((tie) => {
  const text = tie("text");
  const space = fc.constantFrom("", " ", "  ", "\u3000", "\t", "\n");
  const atom = fc.oneof(idArbitrary, fc.constantFrom("0", "1", "2", ".5", "1_000", "1e3", "2.5E-1", "1e308"));
  return {
    text: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      atom,
      fc.tuple(space, text, space).map(([s, t, u]) => `(${s}${t}${u})`),
      fc.tuple(fc.constantFrom("-", "+"), text).map(([sign, t]) => `${sign}(${t})`),
      fc
        .tuple(
          text,
          space,
          fc.constantFrom("+", "-", "*", "/", "^", "<", "<=", ">", ">=", "==", "!="),
          space,
          text,
        )
        .map(([l, s, op, u, r]) => `(${l})${s}${op}${u}(${r})`),
      fc
        .tuple(fc.constantFrom("min", "max"), fc.array(text, { minLength: 1, maxLength: 3 }))
        .map(([fn, args]) => `${fn}(${args.join(", ")})`),
      fc.tuple(fc.constantFrom("abs", "round"), text).map(([fn, t]) => `${fn}(${t})`),
      fc.tuple(text, text).map(([t, digits]) => `round(${t},${digits})`),
      fc.tuple(text, text, text).map(([c, t, f]) => `if(${c}, ${t}, ${f})`),
    ),
  };
}).text;

/** Fragments glued at random: mostly not formulas, which is the point. */
const TOKENS = [
  "a",
  "x",
  "cvr",
  "1",
  "0",
  "2.5",
  "1e308",
  ".5",
  "(",
  ")",
  "+",
  "-",
  "*",
  "/",
  "^",
  "<",
  "<=",
  "==",
  "!=",
  "min(",
  "max(",
  "abs(",
  "round(",
  "if(",
  ",",
  " ",
  "\u3000",
  "=",
  "%",
  "_",
  "e",
  "×",
  "売",
  "Ab",
  "__proto__",
];
const tokenSoupArbitrary = fc
  .array(fc.constantFrom(...TOKENS), { maxLength: 30 })
  .map((parts) => parts.join(""));

const deepArbitrary = fc
  .tuple(
    fc.array(fc.constantFrom("(", "-", "+", "a^", "abs(", "min(a,", "a+", "a*"), {
      minLength: 150,
      maxLength: 3000,
    }),
    fc.string({ maxLength: 10 }),
  )
  .map(([prefix, tail]) => `${prefix.join("")}a${tail}`);

const anyTextArbitrary = fc.oneof(
  fc.string({ unit: "binary", maxLength: 60 }),
  fc.string({ unit: fc.constantFrom(..."abxyz019_.eE+-*/^()<>=!,% \u3000\t"), maxLength: 60 }),
  tokenSoupArbitrary,
  writtenArbitrary,
  deepArbitrary,
);

/** Inputs as they come: missing, zero, signed zero, huge, tiny, and garbage a lookup should never return. */
const inputArbitrary = fc.oneof(
  fc.constant(null),
  fc.constantFrom(0, -0, 1, -1, 0.5, 2, -2, 1e308, -1e308, 1e154, 1e-308, 5e-324),
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY),
  fc.double(),
);

const inputsArbitrary = fc.dictionary(idArbitrary, inputArbitrary, { maxKeys: IDS.length });

function lookupIn(values: Record<string, number | null>): FormulaLookup {
  return (id) => (Object.hasOwn(values, id) ? (values[id] ?? null) : null);
}

function parses(text: string): boolean {
  try {
    parseFormula(text);
    return true;
  } catch {
    return false;
  }
}

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

describe("formula properties", () => {
  it("parseFormula returns a tree or throws a ShihyoError pointing inside the text, for any text", () => {
    fc.assert(
      fc.property(anyTextArbitrary, (source) => {
        let ast: FormulaNode;
        try {
          ast = parseFormula(source);
        } catch (error) {
          expect(error).toBeInstanceOf(ShihyoError);
          const { offset, length } = (error as ShihyoError).location;
          expect(offset).toBeGreaterThanOrEqual(0);
          expect((offset ?? 0) + (length ?? 0)).toBeLessThanOrEqual(source.length);
          expect((error as ShihyoError).text("ja").length).toBeGreaterThan(0);
          return;
        }
        expect(ast.start).toBeGreaterThanOrEqual(0);
        expect(ast.end).toBeLessThanOrEqual(source.length);
      }),
      { numRuns: 3000 },
    );
  });

  it("compiled and explained evaluation agree, and give a finite number or no value", () => {
    const parsedText = fc.oneof(writtenArbitrary, tokenSoupArbitrary.filter(parses));
    const fromText = parsedText.map((text) => parseFormula(text));
    const fromTree = astArbitrary.map((ast) => parseFormula(formatFormula(ast)));
    fc.assert(
      fc.property(fc.oneof(fromText, fromTree), inputsArbitrary, (ast, values) => {
        const lookup = lookupIn(values);
        const explained = evaluateFormula(ast, lookup);
        const ids = formulaReferences(ast);
        const compiled = compileFormula(ast, (id) => ids.indexOf(id))(
          Float64Array.from(ids, (id) => values[id] ?? Number.NaN),
        );
        expect(Number.isNaN(compiled) || Number.isFinite(compiled)).toBe(true);
        expect(Object.is(compiled, -0)).toBe(false);
        if (explained.value === null) {
          expect(explained.reason).not.toBeNull();
          expect(compiled).toBeNaN();
        } else {
          expect(Number.isFinite(explained.value)).toBe(true);
          expect(explained.reason).toBeNull();
          expect(compiled).toBe(explained.value);
        }
        for (const wrt of ["x", "a"]) {
          const withDerivative = evaluateWithDerivative(ast, lookup, wrt);
          expect(withDerivative.value).toBe(explained.value);
          if (withDerivative.derivative !== null) {
            expect(Number.isFinite(withDerivative.derivative)).toBe(true);
            expect(withDerivative.value).not.toBeNull();
          }
        }
      }),
      { numRuns: 1500 },
    );
  });

  it("resolves ids named like JavaScript internals only through the lookup", () => {
    const dangerous = [
      "__proto__",
      "constructor",
      "prototype",
      "toString",
      "valueOf",
      "hasOwnProperty",
      "__defineGetter__",
      "process",
      "globalThis",
      "window",
      "require",
      "eval",
      "Function",
      "this",
      "arguments",
      "length",
      "0",
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...dangerous),
        fc.option(fc.double({ noNaN: true, noDefaultInfinity: true })),
        (id, given) => {
          const asked: string[] = [];
          const lookup: FormulaLookup = (name) => {
            asked.push(name);
            return given;
          };
          const reference: FormulaNode = { kind: "reference", id, ...span };
          const ast: FormulaNode = {
            kind: "arithmetic",
            op: "+",
            left: reference,
            right: reference,
            ...span,
          };
          const sum = given === null ? null : given + given;
          const expected = sum !== null && Number.isFinite(sum) ? sum + 0 : null;
          const result = evaluateFormula(ast, lookup);
          expect(result.value).toBe(expected);
          if (given === null) expect(result.reason).toEqual({ kind: "missing_input", ids: [id] });
          expect(asked).toEqual([id]);
          expect(evaluateWithDerivative(ast, lookup, id)).toEqual({
            value: result.value,
            derivative: result.value === null ? null : 2,
          });
          // Compiled: an id is a slot number the caller chose, or no value at all.
          const unknown = compileFormula(ast, (name) => (name === "someone_else" ? 0 : -1));
          expect(unknown(Float64Array.of(1))).toBeNaN();
          const known = compileFormula(ast, (name) => (name === id ? 0 : -1));
          expect(known(Float64Array.of(given ?? Number.NaN))).toBe(expected ?? Number.NaN);
          // Written in a formula, the id is a plain reference when it is lower snake case, else never one.
          let written: string[] = [];
          try {
            written = formulaReferences(parseFormula(`${id} + 1`));
          } catch (error) {
            expect(error).toBeInstanceOf(ShihyoError);
          }
          expect(written).toEqual(isFormulaId(id) ? [id] : []);
        },
      ),
    );
  });

  it("formatFormula gives text that parses back to the same tree", () => {
    const anyId = fc.oneof(idArbitrary, fc.stringMatching(/^[a-z][a-z0-9_]{0,8}$/).filter(isFormulaId));
    const tree = formulaArbitrary(
      fc.oneof(
        numberArbitrary,
        anyId.map((id): FormulaNode => ({ kind: "reference", id, ...span })),
      ),
    );
    fc.assert(
      fc.property(tree, (ast) => {
        const text = formatFormula(ast);
        const reparsed = parseFormula(text);
        expect(withoutSpans(reparsed)).toEqual(withoutSpans(ast));
        expect(formatFormula(reparsed)).toBe(text);
      }),
      { numRuns: 1000 },
    );
  });

  it("substituting a number for an id is the same as looking the number up", () => {
    fc.assert(
      fc.property(astArbitrary, inputsArbitrary, fc.nat(1000), (ast, values, n) => {
        const inlined = substituteFormula(ast, "x", { kind: "number", value: n, ...span });
        const direct = evaluateFormula(ast, lookupIn({ ...values, x: n }));
        expect(evaluateFormula(inlined, lookupIn(values)).value).toBe(direct.value);
        expect(formulaReferences(inlined)).not.toContain("x");
      }),
    );
  });

  it("the derivative of a polynomial matches a central difference", () => {
    const small = fc.constantFrom(1, 2, 3).map((value): FormulaNode => ({ kind: "number", value, ...span }));
    const variable = fc.constantFrom("x", "y").map((id): FormulaNode => ({ kind: "reference", id, ...span }));
    const polynomial = formulaArbitrary(fc.oneof(small, variable), {
      operators: ["+", "-", "*"],
      functions: false,
      maxDepth: 4,
    });
    fc.assert(
      fc.property(polynomial, fc.double({ min: 0.5, max: 2, noNaN: true }), (ast, x) => {
        const at = (value: number) => lookupIn({ x: value, y: 1.25 });
        const { value, derivative } = evaluateWithDerivative(ast, at(x), "x");
        if (value === null || derivative === null) return;
        const h = 1e-5;
        const plus = evaluateFormula(ast, at(x + h)).value ?? Number.NaN;
        const minus = evaluateFormula(ast, at(x - h)).value ?? Number.NaN;
        const estimate = (plus - minus) / (2 * h);
        expect(Math.abs(estimate - derivative)).toBeLessThanOrEqual(
          1e-4 * (1 + Math.abs(value) + Math.abs(derivative)),
        );
      }),
    );
  });
});
