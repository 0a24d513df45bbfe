import { describe, expect, it } from "vitest";
import {
  addNode,
  allowedParents,
  descendantsOf,
  freeId,
  moveAmongSiblings,
  referencedIds,
  removeNode,
  reparent,
  treeOrder,
  usersOf,
} from "./editTree";
import { type Draft, draftFromPlan, planFromDraft } from "./planDraft";

/*
 * revenue (kgi)
 *   ksf_a (ksf)
 *     leads (kpi) = visitors * cvr
 *       visitors (kpi)
 *       cvr (kpi)
 *   deal_size (kpi)
 * retention (kgi)
 */
const draft: Draft = draftFromPlan({
  version: 1,
  name: "p",
  nodes: [
    { id: "revenue", role: "kgi", formula: "leads * deal_size" },
    { id: "ksf_a", role: "ksf", parent: "revenue" },
    { id: "leads", role: "kpi", parent: "ksf_a", formula: "visitors * cvr" },
    { id: "visitors", role: "kpi", parent: "leads" },
    { id: "cvr", role: "kpi", parent: "leads" },
    { id: "deal_size", role: "kpi", parent: "revenue" },
    { id: "retention", role: "kgi" },
  ],
});
const key = (id: string) => `saved:${id}`;
const ids = (d: Draft) => d.nodes.map((n) => n.id);
const parents = (d: Draft) =>
  Object.fromEntries(planFromDraft(d).plan.nodes.map((n) => [n.id, n.parent ?? null]));

describe("the tree's shape", () => {
  it("finds descendants and the parents a node may move under", () => {
    expect([...descendantsOf(draft.nodes, key("ksf_a"))].sort()).toEqual(
      ["cvr", "leads", "visitors"].map(key).sort(),
    );
    expect(allowedParents(draft.nodes, key("ksf_a")).map((n) => n.id)).toEqual([
      "revenue",
      "deal_size",
      "retention",
    ]);
  });

  it("lists the tree depth first, children in file order", () => {
    expect(treeOrder(draft.nodes).map(({ node, depth }) => `${depth}:${node.id}`)).toEqual([
      "0:revenue",
      "1:ksf_a",
      "2:leads",
      "3:visitors",
      "3:cvr",
      "1:deal_size",
      "0:retention",
    ]);
  });
});

describe("reparent", () => {
  it.each([
    ["ksf_a", "leads", "wouldLoop"],
    ["ksf_a", "visitors", "wouldLoop"],
    ["revenue", "cvr", "wouldLoop"],
    ["leads", "leads", "self"],
  ])("refuses to put %s under %s (%s)", (node, parent, reason) => {
    expect(reparent(draft, key(node), key(parent))).toEqual({ ok: false, reason });
  });

  it("moves a node with its subtree, last among its new siblings", () => {
    const result = reparent(draft, key("leads"), key("retention"));
    if (!result.ok) throw new Error("refused");
    expect(parents(result.draft)).toMatchObject({ leads: "retention", visitors: "leads", cvr: "leads" });
    expect(ids(result.draft)).toEqual([
      "revenue",
      "ksf_a",
      "visitors",
      "cvr",
      "deal_size",
      "retention",
      "leads",
    ]);
  });

  it("moves to the top level, and after the new parent's last child", () => {
    const top = reparent(draft, key("deal_size"), "");
    if (!top.ok) throw new Error("refused");
    expect(parents(top.draft).deal_size).toBeNull();
    expect(ids(top.draft).at(-1)).toBe("deal_size");
    const under = reparent(draft, key("deal_size"), key("leads"));
    if (!under.ok) throw new Error("refused");
    expect(ids(under.draft)).toEqual([
      "revenue",
      "ksf_a",
      "leads",
      "visitors",
      "cvr",
      "deal_size",
      "retention",
    ]);
    expect(parents(under.draft).deal_size).toBe("leads");
  });

  it("never leaves a loop of parents, whatever is tried", () => {
    let current = draft;
    for (const node of draft.nodes) {
      for (const parent of ["", ...draft.nodes.map((n) => n.key)]) {
        const result = reparent(current, node.key, parent);
        if (result.ok) current = result.draft;
        expect(treeOrder(current.nodes).filter(({ depth }) => depth === 0).length).toBeGreaterThan(0);
        for (const n of current.nodes) expect(descendantsOf(current.nodes, n.key).has(n.key)).toBe(false);
      }
    }
  });
});

describe("moveAmongSiblings", () => {
  it("swaps with the previous or next sibling, skipping other nodes", () => {
    expect(ids(moveAmongSiblings(draft, key("deal_size"), -1))).toEqual([
      "revenue",
      "deal_size",
      "leads",
      "visitors",
      "cvr",
      "ksf_a",
      "retention",
    ]);
    expect(
      treeOrder(moveAmongSiblings(draft, key("deal_size"), -1).nodes).map(({ node }) => node.id),
    ).toEqual(["revenue", "deal_size", "ksf_a", "leads", "visitors", "cvr", "retention"]);
    expect(ids(moveAmongSiblings(draft, key("cvr"), -1)).slice(3, 5)).toEqual(["cvr", "visitors"]);
  });

  it("changes nothing at either end", () => {
    expect(moveAmongSiblings(draft, key("visitors"), -1)).toBe(draft);
    expect(moveAmongSiblings(draft, key("retention"), 1)).toBe(draft);
  });
});

describe("removeNode", () => {
  it("refuses while formulas use the node, naming them", () => {
    const result = removeNode(draft, key("visitors"));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.usedBy.map((n) => n.id)).toEqual(["leads"]);
  });

  it("counts a weight as a use", () => {
    const weighted = {
      ...draft,
      nodes: draft.nodes.map((n) =>
        n.id === "cvr" ? { ...n, aggregation: "weighted_average" as const, weight: "retention" } : n,
      ),
    };
    expect(usersOf(weighted.nodes, "retention").map((n) => n.id)).toEqual(["cvr"]);
  });

  it("moves the children up to the deleted node's parent", () => {
    const result = removeNode(draft, key("ksf_a"));
    if (!result.ok) throw new Error("refused");
    expect(ids(result.draft)).not.toContain("ksf_a");
    expect(parents(result.draft).leads).toBe("revenue");
  });
});

describe("adding nodes", () => {
  it("adds a child after the parent's subtree, in the parent's department", () => {
    const withDept = {
      ...draft,
      nodes: draft.nodes.map((n) => (n.id === "ksf_a" ? { ...n, department: "sales" } : n)),
    };
    const added = addNode(withDept, { key: "new:1", role: "kpi", parent: key("ksf_a") });
    expect(ids(added)).toEqual([
      "revenue",
      "ksf_a",
      "leads",
      "visitors",
      "cvr",
      "new_kpi",
      "deal_size",
      "retention",
    ]);
    const node = added.nodes.find((n) => n.key === "new:1")!;
    expect(node).toMatchObject({
      savedId: null,
      parent: key("ksf_a"),
      department: "sales",
      cadence: "month",
    });
  });

  it("adds a sibling right after the node's subtree", () => {
    const added = addNode(draft, { key: "new:2", role: "kpi", parent: key("revenue"), after: key("ksf_a") });
    expect(ids(added).indexOf("new_kpi")).toBe(5);
  });

  it("picks an id nobody has", () => {
    const once = addNode(draft, { key: "new:1", role: "kpi", parent: "" });
    expect(freeId(once.nodes, "kpi")).toBe("new_kpi_2");
    expect(freeId(draft.nodes, "ksf")).toBe("new_ksf");
  });
});

describe("referencedIds", () => {
  it.each([
    ["leads * win_rate * deal_size", ["leads", "win_rate", "deal_size"]],
    ["max(a, b) / 1e6", ["a", "b"]],
    ["leads * (win_rate", ["leads", "win_rate"]],
    ["", []],
  ])("%j → %j", (formula, expected) => {
    expect(referencedIds(formula)).toEqual(expected);
  });
});
