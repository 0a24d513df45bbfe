import { compare, divide, maximum, minimum, power, roundTo } from "./arithmetic.js";
import {
  type ArithmeticNode,
  FORMULA_FUNCTIONS,
  type FormulaNode,
  type FormulaSpan,
  formulaDepth,
} from "./ast.js";
import { MAX_COMPOSED_DEPTH } from "./limits.js";

/** Why a formula has no value. */
export type NoValueReason =
  | { kind: "missing_input"; ids: string[] }
  | { kind: "division_by_zero"; at: { start: number; end: number } }
  | { kind: "not_finite" };

export interface FormulaValue {
  value: number | null;
  reason: NoValueReason | null;
}

/** A node's value by id; null (or a non-finite number) means it has none. */
export type FormulaLookup = (id: string) => number | null;

/**
 * Evaluates a formula and, when there is no value, says why. The slower twin of
 * compileFormula, for values that are shown to people; both give the same numbers.
 *
 * Reasons, most actionable first: inputs without a value (every one met on the way, in
 * order of first appearance), then the first division by zero, then a result too large
 * or otherwise not a real number. Only the taken branch of `if` is evaluated, so a missing
 * input there does not matter, and `lookup` is called at most once per id. Never throws
 * (unless `lookup` does); a tree deeper than the composed-formula limit has no value.
 */
export function evaluateFormula(ast: FormulaNode, lookup: FormulaLookup): FormulaValue {
  const run = new Explanation(readingOnce(lookup));
  const result = formulaDepth(ast) > MAX_COMPOSED_DEPTH ? run.unreal() : run.evaluate(ast);
  if (result - result === 0) return { value: result + 0, reason: null };
  return { value: null, reason: run.reason() };
}

/** Wraps a lookup so each id is asked once and every non-finite answer reads as NaN. */
export function readingOnce(lookup: FormulaLookup): (id: string) => number {
  // A Map, not an object: ids such as "constructor" must not meet Object.prototype.
  const seen = new Map<string, number>();
  return (id) => {
    let value = seen.get(id);
    if (value === undefined) {
      const found = lookup(id);
      value = typeof found === "number" && found - found === 0 ? found : Number.NaN;
      seen.set(id, value);
    }
    return value;
  };
}

/** Whether a call has an argument count its function accepts; only hand-built trees fail. */
export function hasValidArity(node: FormulaNode & { kind: "call" }): boolean {
  const arity = FORMULA_FUNCTIONS[node.fn];
  return node.args.length >= arity.min && (arity.max === null || node.args.length <= arity.max);
}

class Explanation {
  private readonly missing: string[] = [];
  private readonly missingSeen = new Set<string>();
  private divisionAt: FormulaSpan | null = null;

  constructor(private readonly read: (id: string) => number) {}

  reason(): NoValueReason {
    if (this.missing.length > 0) return { kind: "missing_input", ids: [...this.missing] };
    if (this.divisionAt !== null) {
      return { kind: "division_by_zero", at: { start: this.divisionAt.start, end: this.divisionAt.end } };
    }
    return { kind: "not_finite" };
  }

  /** No value for a reason other than a missing input or a zero divisor: not_finite, the default. */
  unreal(): number {
    return Number.NaN;
  }

  private settled(result: number): number {
    return result - result === 0 ? result : this.unreal();
  }

  evaluate(node: FormulaNode): number {
    switch (node.kind) {
      case "number":
        return this.settled(node.value);
      case "reference": {
        const value = this.read(node.id);
        if (Number.isNaN(value) && !this.missingSeen.has(node.id)) {
          this.missingSeen.add(node.id);
          this.missing.push(node.id);
        }
        return value;
      }
      case "negate":
        return -this.evaluate(node.operand);
      case "arithmetic":
        return this.arithmetic(node);
      case "comparison": {
        const left = this.evaluate(node.left);
        const right = this.evaluate(node.right);
        return compare(node.op, left, right);
      }
      case "call":
        return this.call(node);
    }
  }

  private arithmetic(node: ArithmeticNode): number {
    const left = this.evaluate(node.left);
    const right = this.evaluate(node.right);
    if (Number.isNaN(left) || Number.isNaN(right)) return Number.NaN;
    switch (node.op) {
      case "+":
        return this.settled(left + right);
      case "-":
        return this.settled(left - right);
      case "*":
        return this.settled(left * right);
      case "/":
        if (right === 0) {
          this.divisionAt ??= node;
          return Number.NaN;
        }
        return this.settled(divide(left, right));
      case "^":
        return this.settled(power(left, right));
    }
  }

  private call(node: FormulaNode & { kind: "call" }): number {
    if (!hasValidArity(node)) return this.unreal();
    if (node.fn === "if") {
      const condition = this.evaluate(node.args[0]!);
      if (Number.isNaN(condition)) return Number.NaN;
      return this.evaluate(node.args[condition !== 0 ? 1 : 2]!);
    }
    // Every argument is evaluated, even after one has no value, so all missing inputs are named.
    const args = node.args.map((arg) => this.evaluate(arg));
    if (args.some(Number.isNaN)) return Number.NaN;
    switch (node.fn) {
      case "min":
        return minimum(args);
      case "max":
        return maximum(args);
      case "abs":
        return Math.abs(args[0]!);
      case "round":
        return this.settled(roundTo(args[0]!, args[1] ?? 0));
    }
  }
}
