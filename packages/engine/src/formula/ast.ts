/**
 * A span of the formula text, 0-based UTF-16 offsets, `end` exclusive. A parenthesised
 * expression's span includes its parentheses, so a highlighted node shows what was written.
 */
export interface FormulaSpan {
  readonly start: number;
  readonly end: number;
}

export type ArithmeticOperator = "+" | "-" | "*" | "/" | "^";
export type ComparisonOperator = "<" | "<=" | ">" | ">=" | "==" | "!=";
export type FormulaFunction = "min" | "max" | "abs" | "round" | "if";

export interface NumberNode extends FormulaSpan {
  readonly kind: "number";
  readonly value: number;
}

export interface ReferenceNode extends FormulaSpan {
  readonly kind: "reference";
  readonly id: string;
}

export interface NegateNode extends FormulaSpan {
  readonly kind: "negate";
  readonly operand: FormulaNode;
}

export interface ArithmeticNode extends FormulaSpan {
  readonly kind: "arithmetic";
  readonly op: ArithmeticOperator;
  readonly left: FormulaNode;
  readonly right: FormulaNode;
}

export interface ComparisonNode extends FormulaSpan {
  readonly kind: "comparison";
  readonly op: ComparisonOperator;
  readonly left: FormulaNode;
  readonly right: FormulaNode;
}

export interface CallNode extends FormulaSpan {
  readonly kind: "call";
  readonly fn: FormulaFunction;
  readonly args: readonly FormulaNode[];
}

/** A parsed formula. Unary plus leaves no node: `+a` is `a`. */
export type FormulaNode =
  | NumberNode
  | ReferenceNode
  | NegateNode
  | ArithmeticNode
  | ComparisonNode
  | CallNode;

/** How many arguments each function takes; `max: null` means any number from `min` up. */
export const FORMULA_FUNCTIONS: Readonly<Record<FormulaFunction, { min: number; max: number | null }>> = {
  min: { min: 1, max: null },
  max: { min: 1, max: null },
  abs: { min: 1, max: 1 },
  round: { min: 1, max: 2 },
  if: { min: 3, max: 3 },
};

export const FORMULA_FUNCTION_NAMES: readonly FormulaFunction[] = ["min", "max", "abs", "round", "if"];

// Object.hasOwn on the frozen table, not `in`: `in` would accept "constructor" or "toString".
export function isFormulaFunction(name: string): name is FormulaFunction {
  return Object.hasOwn(FORMULA_FUNCTIONS, name);
}

export const NODE_ID_PATTERN = /^[a-z][a-z0-9_]*$/;

/** Whether a text can be a node id in a formula: lower snake case and not a function name. */
export function isFormulaId(text: string): boolean {
  return NODE_ID_PATTERN.test(text) && !isFormulaFunction(text);
}

export function formulaChildren(node: FormulaNode): readonly FormulaNode[] {
  switch (node.kind) {
    case "number":
    case "reference":
      return [];
    case "negate":
      return [node.operand];
    case "arithmetic":
    case "comparison":
      return [node.left, node.right];
    case "call":
      return node.args;
  }
}

/** Depth of the tree (a lone leaf is 1), measured without recursion so any tree can be measured. */
export function formulaDepth(ast: FormulaNode): number {
  let deepest = 0;
  const stack: Array<[FormulaNode, number]> = [[ast, 1]];
  for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
    const [node, depth] = top;
    if (depth > deepest) deepest = depth;
    for (const child of formulaChildren(node)) stack.push([child, depth + 1]);
  }
  return deepest;
}
