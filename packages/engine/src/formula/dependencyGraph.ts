import { formulaError } from "./formulaError.js";

/** Each node id → the ids its formula refers to. Ids that are not keys have no references. */
export type DependencyGraph = ReadonlyMap<string, readonly string[]>;

/**
 * One cycle in the graph, as the ids along it with the first repeated at the end
 * (["a", "b", "a"]: a refers to b, b refers to a), or null when there is none.
 * Deterministic: keys are tried in map order, references in list order.
 */
export function findCycle(graph: DependencyGraph): string[] | null {
  return walk(graph).cycle;
}

/**
 * Every id in the graph (keys and the ids they refer to), each after everything it refers
 * to, so evaluating in this order always finds inputs ready. Throws ShihyoError
 * `formula.cycle` naming the cycle ("a → b → a") when there is no such order.
 */
export function topologicalOrder(graph: DependencyGraph): string[] {
  const { order, cycle } = walk(graph);
  if (cycle !== null) throw formulaError("formula.cycle", { cycle, path: cycle.join(" → ") });
  return order;
}

/**
 * Depth-first search with an explicit stack, so a chain of 100,000 formulas cannot
 * overflow the call stack. An id is "open" while the search is below it: meeting an open
 * id again is a cycle, and the open path from there is that cycle.
 */
function walk(graph: DependencyGraph): { order: string[]; cycle: string[] | null } {
  const OPEN = 1;
  const DONE = 2;
  const state = new Map<string, number>();
  const order: string[] = [];
  for (const root of graph.keys()) {
    if (state.has(root)) continue;
    const path: string[] = [root];
    const nextEdge: number[] = [0];
    state.set(root, OPEN);
    while (path.length > 0) {
      const top = path.length - 1;
      const id = path[top]!;
      const edges = graph.get(id) ?? [];
      const edge = nextEdge[top]!;
      if (edge < edges.length) {
        nextEdge[top] = edge + 1;
        const next = edges[edge]!;
        const seen = state.get(next);
        if (seen === OPEN) return { order, cycle: [...path.slice(path.lastIndexOf(next)), next] };
        if (seen === undefined) {
          state.set(next, OPEN);
          path.push(next);
          nextEdge.push(0);
        }
      } else {
        state.set(id, DONE);
        order.push(id);
        path.pop();
        nextEdge.pop();
      }
    }
  }
  return { order, cycle: null };
}
