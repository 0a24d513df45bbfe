import { compare, divide, power, roundTo } from "./arithmetic.js";
import { type ArithmeticNode, type CallNode, type FormulaNode, formulaDepth } from "./ast.js";
import { type FormulaLookup, hasValidArity, readingOnce } from "./evaluateFormula.js";
import { MAX_COMPOSED_DEPTH } from "./limits.js";

export interface ValueWithDerivative {
  /** The formula's value, exactly as evaluateFormula gives it. */
  value: number | null;
  /** ∂formula/∂wrt at the given values; null when there is no value or it is not differentiable there. */
  derivative: number | null;
}

/** A value and its rate of change with respect to the chosen input (a dual number). */
interface Dual {
  readonly value: number;
  readonly slope: number;
}

const NO_VALUE: Dual = { value: Number.NaN, slope: Number.NaN };

/**
 * The formula's value and its exact derivative with respect to the input `wrt`, by
 * forward-mode automatic differentiation: each node carries its value and slope together.
 * No step size, so no truncation error, which is what elasticities need (sensitivity).
 *
 * Piecewise parts take the derivative of the piece in force at these values: `if` that of
 * the taken branch, `min`/`max` that of the chosen argument (the first on a tie), `abs`
 * that of x for x ≥ 0 and of -x below. `round` and comparisons are flat (0).
 * Where the derivative is infinite or undefined (√x at 0, 0^x) it is null.
 */
export function evaluateWithDerivative(
  ast: FormulaNode,
  lookup: FormulaLookup,
  wrt: string,
): ValueWithDerivative {
  if (formulaDepth(ast) > MAX_COMPOSED_DEPTH) return { value: null, derivative: null };
  const read = readingOnce(lookup);
  const { value, slope } = dual(ast, read, wrt);
  if (value - value !== 0) return { value: null, derivative: null };
  return { value: value + 0, derivative: slope - slope === 0 ? slope + 0 : null };
}

function real(x: number): number {
  return x - x === 0 ? x : Number.NaN;
}

function dual(node: FormulaNode, read: (id: string) => number, wrt: string): Dual {
  switch (node.kind) {
    case "number":
      return { value: real(node.value), slope: 0 };
    case "reference":
      return { value: read(node.id), slope: node.id === wrt ? 1 : 0 };
    case "negate": {
      const a = dual(node.operand, read, wrt);
      return { value: -a.value, slope: -a.slope };
    }
    case "arithmetic":
      return dualArithmetic(node, read, wrt);
    case "comparison": {
      const a = dual(node.left, read, wrt);
      const b = dual(node.right, read, wrt);
      return { value: compare(node.op, a.value, b.value), slope: 0 };
    }
    case "call":
      return dualCall(node, read, wrt);
  }
}

function dualArithmetic(node: ArithmeticNode, read: (id: string) => number, wrt: string): Dual {
  const a = dual(node.left, read, wrt);
  const b = dual(node.right, read, wrt);
  if (Number.isNaN(a.value) || Number.isNaN(b.value)) return NO_VALUE;
  switch (node.op) {
    case "+":
      return { value: real(a.value + b.value), slope: a.slope + b.slope };
    case "-":
      return { value: real(a.value - b.value), slope: a.slope - b.slope };
    case "*":
      return { value: real(a.value * b.value), slope: a.slope * b.value + a.value * b.slope };
    case "/": {
      const quotient = divide(a.value, b.value);
      return { value: quotient, slope: (a.slope - quotient * b.slope) / b.value };
    }
    case "^": {
      const value = power(a.value, b.value);
      // Each term only where its input moves: 0 · ∞ must not spoil a constant exponent or base.
      const viaBase = a.slope === 0 ? 0 : b.value * a.value ** (b.value - 1) * a.slope;
      const viaExponent = b.slope === 0 ? 0 : value * Math.log(a.value) * b.slope;
      return { value, slope: viaBase + viaExponent };
    }
  }
}

function dualCall(node: CallNode, read: (id: string) => number, wrt: string): Dual {
  if (!hasValidArity(node)) return NO_VALUE;
  if (node.fn === "if") {
    const condition = dual(node.args[0]!, read, wrt).value;
    if (condition - condition !== 0) return NO_VALUE;
    return dual(node.args[condition !== 0 ? 1 : 2]!, read, wrt);
  }
  const args = node.args.map((arg) => dual(arg, read, wrt));
  if (args.some((arg) => Number.isNaN(arg.value))) return NO_VALUE;
  const first = args[0]!;
  switch (node.fn) {
    case "abs":
      return { value: Math.abs(first.value), slope: first.value >= 0 ? first.slope : -first.slope };
    case "round":
      return { value: real(roundTo(first.value, args[1]?.value ?? 0)), slope: 0 };
    case "min":
      return args.reduce((best, arg) => (arg.value < best.value ? arg : best));
    case "max":
      return args.reduce((best, arg) => (arg.value > best.value ? arg : best));
  }
}
