import { closestMatch } from "../closestMatch.js";
import { type FormulaNode, formulaChildren } from "./ast.js";
import { formulaError } from "./formulaError.js";

/**
 * Throws ShihyoError `formula.unknownId` for the first reference (in text order) to an id
 * that is not known, naming the closest known id and pointing at the reference.
 */
export function checkReferences(ast: FormulaNode, knownIds: ReadonlySet<string>): void {
  const stack: FormulaNode[] = [ast];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (node.kind === "reference") {
      if (!knownIds.has(node.id)) {
        throw formulaError(
          "formula.unknownId",
          { id: node.id, suggestion: closestMatch(node.id, knownIds) },
          { offset: node.start, length: node.end - node.start },
        );
      }
      continue;
    }
    const children = formulaChildren(node);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
}
