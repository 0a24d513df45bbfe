import { COMPARATORS, divide, power, roundTo } from "./arithmetic.js";
import {
  type ArithmeticNode,
  type CallNode,
  FORMULA_FUNCTIONS,
  type FormulaNode,
  formulaDepth,
} from "./ast.js";
import { formulaError } from "./formulaError.js";
import { MAX_COMPOSED_DEPTH } from "./limits.js";

/** A formula ready to run: values by slot in, the value out; NaN is "no value". */
export type CompiledFormula = (values: Float64Array) => number;

type Closure = (values: Float64Array) => number;
type SlotOf = (id: string) => number;

/**
 * Compiles a formula into nested closures, one per node, decided once here so a call does
 * no dispatch on node kinds. Each id is read from `values[slotOf(id)]`; an id whose slot is
 * not a non-negative integer (say -1 for "unknown") has no value, and so does a slot past
 * the end of the array. The result is a finite number or NaN, never ±Infinity or -0.
 * Throws ShihyoError `formula.tooDeep` for a tree deeper than the composed-formula limit.
 */
export function compileFormula(ast: FormulaNode, slotOf: SlotOf): CompiledFormula {
  if (formulaDepth(ast) > MAX_COMPOSED_DEPTH) {
    throw formulaError(
      "formula.tooDeep",
      { limit: MAX_COMPOSED_DEPTH },
      { offset: ast.start, length: ast.end - ast.start },
    );
  }
  const root = compileNode(ast, slotOf);
  return (values) => {
    const result = root(values);
    return result - result === 0 ? result + 0 : Number.NaN;
  };
}

function noValue(): number {
  return Number.NaN;
}

function compileNode(node: FormulaNode, slotOf: SlotOf): Closure {
  switch (node.kind) {
    case "number": {
      const value = node.value - node.value === 0 ? node.value : Number.NaN;
      return () => value;
    }
    case "reference": {
      const slot = slotOf(node.id);
      if (!isSlot(slot)) return noValue;
      return (values) => values[slot];
    }
    case "negate": {
      const operand = compileNode(node.operand, slotOf);
      return (values) => -operand(values);
    }
    case "arithmetic":
      return compileArithmetic(node, slotOf);
    case "comparison": {
      const left = compileNode(node.left, slotOf);
      const right = compileNode(node.right, slotOf);
      const test = COMPARATORS[node.op];
      return (values) => {
        const a = left(values);
        const b = right(values);
        if (a - a !== 0 || b - b !== 0) return Number.NaN;
        return test(a, b) ? 1 : 0;
      };
    }
    case "call":
      return compileCall(node, slotOf);
  }
}

function isSlot(slot: number): boolean {
  return Number.isInteger(slot) && slot >= 0;
}

/** The slot a node reads directly, so the common `a * b` skips a closure call per operand. */
function directSlot(node: FormulaNode, slotOf: SlotOf): number | null {
  if (node.kind !== "reference") return null;
  const slot = slotOf(node.id);
  return isSlot(slot) ? slot : null;
}

function compileArithmetic(node: ArithmeticNode, slotOf: SlotOf): Closure {
  const leftSlot = directSlot(node.left, slotOf);
  const rightSlot = directSlot(node.right, slotOf);
  const left = compileNode(node.left, slotOf);
  const right = compileNode(node.right, slotOf);
  switch (node.op) {
    case "+":
      if (leftSlot !== null && rightSlot !== null) return (v) => v[leftSlot] + v[rightSlot];
      if (rightSlot !== null) return (v) => left(v) + v[rightSlot];
      return (v) => left(v) + right(v);
    case "-":
      if (leftSlot !== null && rightSlot !== null) return (v) => v[leftSlot] - v[rightSlot];
      if (rightSlot !== null) return (v) => left(v) - v[rightSlot];
      return (v) => left(v) - right(v);
    case "*":
      if (leftSlot !== null && rightSlot !== null) return (v) => v[leftSlot] * v[rightSlot];
      if (rightSlot !== null) return (v) => left(v) * v[rightSlot];
      return (v) => left(v) * right(v);
    case "/":
      return (v) => divide(left(v), right(v));
    case "^":
      return (v) => power(left(v), right(v));
  }
}

function compileCall(node: CallNode, slotOf: SlotOf): Closure {
  const arity = FORMULA_FUNCTIONS[node.fn];
  const count = node.args.length;
  // Only a hand-built tree can get here with the wrong count; it has no value rather than a crash.
  if (count < arity.min || (arity.max !== null && count > arity.max)) return noValue;
  const args = node.args.map((arg) => compileNode(arg, slotOf));
  const first = args[0]!;
  switch (node.fn) {
    case "abs":
      return (v) => Math.abs(first(v));
    case "round": {
      const digits = args[1];
      if (digits === undefined) return (v) => roundTo(first(v), 0);
      return (v) => roundTo(first(v), digits(v));
    }
    case "if": {
      const whenTrue = args[1]!;
      const whenFalse = args[2]!;
      return (v) => {
        const condition = first(v);
        if (condition - condition !== 0) return Number.NaN;
        return condition !== 0 ? whenTrue(v) : whenFalse(v);
      };
    }
    case "min":
      return compileExtreme(args, (candidate, best) => candidate < best);
    case "max":
      return compileExtreme(args, (candidate, best) => candidate > best);
  }
}

/** min and max: a later argument wins only when strictly better, so ties keep the first. */
function compileExtreme(
  args: readonly Closure[],
  better: (candidate: number, best: number) => boolean,
): Closure {
  const first = args[0]!;
  if (args.length === 1) {
    return (v) => {
      const x = first(v);
      return x - x === 0 ? x : Number.NaN;
    };
  }
  if (args.length === 2) {
    const second = args[1]!;
    return (v) => {
      const x = first(v);
      const y = second(v);
      if (x - x !== 0 || y - y !== 0) return Number.NaN;
      return better(y, x) ? y : x;
    };
  }
  return (v) => {
    let best = first(v);
    if (best - best !== 0) return Number.NaN;
    for (let i = 1; i < args.length; i++) {
      const x = args[i]!(v);
      if (x - x !== 0) return Number.NaN;
      if (better(x, best)) best = x;
    }
    return best;
  };
}
