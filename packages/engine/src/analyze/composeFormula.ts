import { type FormulaNode, formulaReferences, substituteFormula } from "../formula/index.js";
import type { PreparedPlan } from "../model/preparePlan.js";

/**
 * Inlines the formulas of the nodes for which `expand` says yes, recursively, so that a
 * chain (revenue = leads × …, leads = visitors × cvr) becomes one formula over the nodes
 * left standing. The graph is acyclic (checked when the plan was prepared).
 */
export function composeFormula(
  prepared: PreparedPlan,
  root: string,
  expand: (id: string) => boolean,
): FormulaNode {
  const memo = new Map<string, FormulaNode>();
  const build = (id: string): FormulaNode => {
    const cached = memo.get(id);
    if (cached) return cached;
    let ast = prepared.byId.get(id)!.formula!;
    for (const ref of formulaReferences(ast)) {
      const refNode = prepared.byId.get(ref)!;
      if (refNode.formula && expand(ref)) ast = substituteFormula(ast, ref, build(ref));
    }
    memo.set(id, ast);
    return ast;
  };
  return build(root);
}

/** Ids reachable from `root` through formulas (not including root). */
export function formulaInputsDeep(prepared: PreparedPlan, root: string): Set<string> {
  const seen = new Set<string>();
  const stack = [...(prepared.byId.get(root)?.inputs ?? [])];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    stack.push(...(prepared.byId.get(id)?.inputs ?? []));
  }
  return seen;
}

/** Nodes between root and lever: those whose formula reaches the lever. */
export function pathTo(prepared: PreparedPlan, root: string, lever: string): Set<string> {
  const path = new Set<string>();
  for (const id of [root, ...formulaInputsDeep(prepared, root)]) {
    if (id !== lever && formulaInputsDeep(prepared, id).has(lever)) path.add(id);
  }
  return path;
}
