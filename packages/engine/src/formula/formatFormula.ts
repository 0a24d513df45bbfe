import { type FormulaNode, formulaDepth } from "./ast.js";
import { formulaError } from "./formulaError.js";
import { MAX_COMPOSED_DEPTH } from "./limits.js";

/** Binding strength, loosest first; it mirrors the parser's grammar levels. */
const COMPARISON = 1;
const SUM = 2;
const PRODUCT = 3;
const NEGATION = 4;
const POWER = 5;
const ATOM = 6;

/**
 * Canonical text of a formula: spaces around binary operators except `^`, `, ` between
 * arguments, numbers as JavaScript prints them (`1e+21`, `0.5`), and only the parentheses
 * the structure needs, so that parsing the text gives the same tree back. Two exceptions
 * read better than the minimum: a negation of a negation is `-(-a)`, and a number node
 * below zero (only a hand-built tree has one) is written as a negation, `-3`. A non-finite
 * number node has no text and is written `(0 / 0)`, which has no value just as it does.
 */
export function formatFormula(ast: FormulaNode): string {
  if (formulaDepth(ast) > MAX_COMPOSED_DEPTH) {
    throw formulaError("formula.tooDeep", { limit: MAX_COMPOSED_DEPTH }, {});
  }
  return format(ast);
}

function precedence(node: FormulaNode): number {
  switch (node.kind) {
    case "number":
      return isNegative(node.value) ? NEGATION : ATOM;
    case "reference":
    case "call":
      return ATOM;
    case "negate":
      return NEGATION;
    case "comparison":
      return COMPARISON;
    case "arithmetic":
      if (node.op === "^") return POWER;
      return node.op === "*" || node.op === "/" ? PRODUCT : SUM;
  }
}

function isNegative(value: number): boolean {
  return value < 0 || Object.is(value, -0);
}

/** The operand's text, parenthesised when it binds more loosely than `tightest` allows. */
function operand(node: FormulaNode, tightest: number): string {
  const text = format(node);
  return precedence(node) < tightest ? `(${text})` : text;
}

function format(node: FormulaNode): string {
  switch (node.kind) {
    case "number":
      if (!Number.isFinite(node.value)) return "(0 / 0)";
      return isNegative(node.value) ? `-${String(-node.value)}` : String(node.value);
    case "reference":
      return node.id;
    case "negate":
      // NEGATION + 1 so that -(-a) keeps its parentheses: `--a` looks like a typo.
      return `-${operand(node.operand, NEGATION + 1)}`;
    case "comparison":
      return `${operand(node.left, SUM)} ${node.op} ${operand(node.right, SUM)}`;
    case "arithmetic": {
      const level = precedence(node);
      // `^` is right-associative and takes a signed exponent (2^-1); the others are left-associative.
      if (node.op === "^") return `${operand(node.left, ATOM)}^${operand(node.right, NEGATION)}`;
      return `${operand(node.left, level)} ${node.op} ${operand(node.right, level + 1)}`;
    }
    case "call":
      return `${node.fn}(${node.args.map(format).join(", ")})`;
  }
}
