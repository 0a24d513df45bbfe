import { type FormulaNode, formulaDepth } from "./ast.js";
import { formulaError } from "./formulaError.js";
import { MAX_COMPOSED_DEPTH } from "./limits.js";

/**
 * The formula with every reference to `id` replaced by `replacement`, so a chain can be
 * seen as one formula (revenue = leads * …, leads = visitors * cvr → revenue in terms of
 * visitors). Parts that do not mention `id` are shared, not copied. Offsets stay those of
 * the text each part came from; format the result and parse it again for offsets into one
 * text. Throws ShihyoError `formula.tooDeep` when the result would be deeper than the
 * composed-formula limit.
 */
export function substituteFormula(ast: FormulaNode, id: string, replacement: FormulaNode): FormulaNode {
  const depth = formulaDepth(ast);
  if (depth > MAX_COMPOSED_DEPTH) throw tooDeep();
  const result = substitute(ast, id, replacement);
  // The sum bounds the result's depth; measure exactly only when the bound is not enough.
  if (depth + formulaDepth(replacement) > MAX_COMPOSED_DEPTH && formulaDepth(result) > MAX_COMPOSED_DEPTH) {
    throw tooDeep();
  }
  return result;
}

function tooDeep() {
  return formulaError("formula.tooDeep", { limit: MAX_COMPOSED_DEPTH }, {});
}

function substitute(node: FormulaNode, id: string, replacement: FormulaNode): FormulaNode {
  switch (node.kind) {
    case "number":
      return node;
    case "reference":
      return node.id === id ? replacement : node;
    case "negate": {
      const operand = substitute(node.operand, id, replacement);
      return operand === node.operand ? node : { ...node, operand };
    }
    case "arithmetic":
    case "comparison": {
      const left = substitute(node.left, id, replacement);
      const right = substitute(node.right, id, replacement);
      return left === node.left && right === node.right ? node : { ...node, left, right };
    }
    case "call": {
      const args = node.args.map((arg) => substitute(arg, id, replacement));
      return args.every((arg, i) => arg === node.args[i]) ? node : { ...node, args };
    }
  }
}
