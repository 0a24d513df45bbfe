import { describe, expect, it } from "vitest";
import { ShihyoError } from "../errors.js";
import { findCycle, topologicalOrder } from "./dependencyGraph.js";

function graph(edges: Record<string, string[]>): Map<string, string[]> {
  return new Map(Object.entries(edges));
}

describe("findCycle", () => {
  it.each<[string, Record<string, string[]>, string[] | null]>([
    ["empty graph", {}, null],
    ["single leaf", { a: [] }, null],
    ["self-loop", { a: ["a"] }, ["a", "a"]],
    ["two-cycle", { a: ["b"], b: ["a"] }, ["a", "b", "a"]],
    ["3-cycle", { a: ["b"], b: ["c"], c: ["a"] }, ["a", "b", "c", "a"]],
    ["3-cycle entered from outside", { r: ["a"], a: ["b"], b: ["c"], c: ["a"] }, ["a", "b", "c", "a"]],
    ["diamond without cycle", { top: ["l", "r"], l: ["bottom"], r: ["bottom"], bottom: [] }, null],
    [
      "diamond with a back edge",
      { top: ["l", "r"], l: ["bottom"], r: ["bottom"], bottom: ["top"] },
      ["top", "l", "bottom", "top"],
    ],
    ["references to ids that are not keys", { a: ["x", "y"], b: ["a", "x"] }, null],
    ["cycle behind a finished branch", { a: ["b", "c"], b: [], c: ["d"], d: ["c"] }, ["c", "d", "c"]],
    [
      "the revenue tree",
      {
        revenue: ["leads", "win_rate", "deal_size"],
        leads: ["visitors", "cvr"],
        win_rate: ["opp_rate", "close_rate"],
      },
      null,
    ],
  ])("%s", (_, edges, cycle) => {
    expect(findCycle(graph(edges))).toEqual(cycle);
  });

  it("treats prototype-like ids as plain names", () => {
    const edges = new Map([
      ["constructor", ["__proto__"]],
      ["__proto__", ["toString"]],
      ["toString", ["constructor"]],
    ]);
    expect(findCycle(edges)).toEqual(["constructor", "__proto__", "toString", "constructor"]);
    edges.set("toString", []);
    expect(topologicalOrder(edges)).toEqual(["toString", "__proto__", "constructor"]);
  });

  it("handles a chain of 10,000 formulas without recursion", () => {
    const chain = new Map<string, string[]>();
    for (let i = 0; i < 10_000; i++) chain.set(`n${i}`, i + 1 < 10_000 ? [`n${i + 1}`] : []);
    expect(findCycle(chain)).toBeNull();
    chain.set("n9999", ["n0"]);
    const cycle = findCycle(chain);
    expect(cycle).toHaveLength(10_001);
    expect(cycle?.[0]).toBe("n0");
    expect(cycle?.at(-1)).toBe("n0");
  });
});

describe("topologicalOrder", () => {
  it("puts every id after everything it refers to", () => {
    const edges = graph({
      revenue: ["leads", "win_rate", "deal_size"],
      leads: ["visitors", "cvr"],
      win_rate: ["opp_rate", "close_rate"],
      deal_size: [],
    });
    const order = topologicalOrder(edges);
    expect(order).toEqual([
      "visitors",
      "cvr",
      "leads",
      "opp_rate",
      "close_rate",
      "win_rate",
      "deal_size",
      "revenue",
    ]);
  });

  it.each<[string, Record<string, string[]>]>([
    ["diamond", { top: ["l", "r"], l: ["bottom"], r: ["bottom"], bottom: [] }],
    ["forest", { a: ["b"], c: ["d"], e: [] }],
    ["shared leaves", { x: ["a", "b"], y: ["b", "a"], z: ["x", "y"] }],
  ])("orders a %s with each id once, dependencies first", (_, edges) => {
    const order = topologicalOrder(graph(edges));
    expect(new Set(order).size).toBe(order.length);
    for (const [id, refs] of Object.entries(edges)) {
      for (const ref of refs) expect(order.indexOf(ref)).toBeLessThan(order.indexOf(id));
    }
  });

  it("orders 10,000 chained formulas without recursion", () => {
    const chain = new Map<string, string[]>();
    for (let i = 0; i < 10_000; i++) chain.set(`n${i}`, i > 0 ? [`n${i - 1}`] : []);
    const reversed = new Map([...chain].reverse());
    expect(topologicalOrder(reversed)).toEqual([...chain.keys()]);
  });

  it.each<[Record<string, string[]>, string]>([
    [{ a: ["a"] }, "a → a"],
    [{ a: ["b"], b: ["c"], c: ["a"] }, "a → b → c → a"],
    [{ revenue: ["leads"], leads: ["revenue", "cvr"] }, "revenue → leads → revenue"],
  ])("throws formula.cycle naming the cycle %j", (edges, path) => {
    try {
      topologicalOrder(graph(edges));
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ShihyoError);
      const shihyo = error as ShihyoError;
      expect(shihyo.code).toBe("formula.cycle");
      expect(shihyo.params).toMatchObject({ path });
      expect(shihyo.text("en")).toContain(path);
      expect(shihyo.text("ja")).toContain(path);
    }
  });
});
