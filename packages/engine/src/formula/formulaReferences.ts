import { type FormulaNode, formulaChildren } from "./ast.js";

/** The ids a formula refers to, each once, in order of first appearance in the text. */
export function formulaReferences(ast: FormulaNode): string[] {
  const ids: string[] = [];
  const seen = new Set<string>();
  // Depth-first with an explicit stack, children pushed in reverse so they pop left to right.
  const stack: FormulaNode[] = [ast];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (node.kind === "reference") {
      if (!seen.has(node.id)) {
        seen.add(node.id);
        ids.push(node.id);
      }
      continue;
    }
    const children = formulaChildren(node);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return ids;
}
