import { describe, expect, it } from "vitest";
import { type Drafts, rowKey, type StoredValues } from "./drafts";
import {
  checkSegmentName,
  entryRows,
  mergeSegmentNames,
  type SegmentNames,
  segmentTotal,
  totalAt,
} from "./segmentRows";

const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const nodes = [{ id: "revenue" }, { id: "leads" }, { id: "churned" }];
const rowsOf = (stored: StoredValues, drafts: Drafts, known: SegmentNames = {}) =>
  entryRows(nodes, stored, drafts, known, byName).map((r) => [r.node.id, r.kind, r.segment]);

describe("entryRows", () => {
  it("gives a node without segments its own row", () => {
    expect(rowsOf({ revenue: { "2026-10": 5 } }, {})).toEqual([
      ["revenue", "own", ""],
      ["leads", "own", ""],
      ["churned", "own", ""],
    ]);
  });

  it("gives a node with segments a total row, then one row per segment by name", () => {
    const stored: StoredValues = {
      [rowKey("revenue", "West")]: { "2026-10": 5 },
      [rowKey("revenue", "East")]: { "2026-10": 7 },
    };
    // A segment comes from stored values, from a draft, or from being added by name.
    const drafts: Drafts = { [rowKey("leads", "Web")]: { "2026-10": "3" } };
    expect(rowsOf(stored, drafts, { churned: ["SMB"], revenue: ["North"] })).toEqual([
      ["revenue", "total", ""],
      ["revenue", "segment", "East"],
      ["revenue", "segment", "North"],
      ["revenue", "segment", "West"],
      ["leads", "total", ""],
      ["leads", "segment", "Web"],
      ["churned", "total", ""],
      ["churned", "segment", "SMB"],
    ]);
  });

  it("shows a segmented node's unsegmented actuals (stored or typed) as a row of its own", () => {
    const stored: StoredValues = {
      revenue: { "2026-10": 100 },
      [rowKey("revenue", "East")]: { "2026-10": 7 },
    };
    expect(rowsOf(stored, { leads: { "2026-10": "4" } }, { leads: ["Web"] }).slice(0, 6)).toEqual([
      ["revenue", "total", ""],
      ["revenue", "unsegmented", ""],
      ["revenue", "segment", "East"],
      ["leads", "total", ""],
      ["leads", "unsegmented", ""],
      ["leads", "segment", "Web"],
    ]);
    // Keys: the unsegmented row keeps the node's key (its values and drafts stay where they were).
    const rows = entryRows(nodes, stored, {}, {}, byName);
    expect(rows.map((r) => r.key)).toEqual([
      "\u0001revenue",
      "revenue",
      "revenue\u0001East",
      "leads",
      "churned",
    ]);
  });
});

describe("entryRows with the segments known from every period", () => {
  // Revenue was recorded by region in earlier months; nothing is stored in the shown month.
  const known = mergeSegmentNames({ revenue: ["West", "East"] }, { leads: ["Web"] });

  it("shows a node recorded by segment elsewhere as its total and segment rows, with no value here", () => {
    expect(rowsOf({}, {}, known)).toEqual([
      ["revenue", "total", ""],
      ["revenue", "segment", "East"],
      ["revenue", "segment", "West"],
      ["leads", "total", ""],
      ["leads", "segment", "Web"],
      ["churned", "own", ""],
    ]);
  });

  it("adds the shown period's own segments and its unsegmented actuals to the known ones", () => {
    const stored: StoredValues = {
      revenue: { "2026-11": 90 },
      [rowKey("revenue", "North")]: { "2026-11": 4 },
    };
    const drafts: Drafts = { [rowKey("churned", "SMB")]: { "2026-11": "2" } };
    expect(rowsOf(stored, drafts, known)).toEqual([
      ["revenue", "total", ""],
      ["revenue", "unsegmented", ""],
      ["revenue", "segment", "East"],
      ["revenue", "segment", "North"],
      ["revenue", "segment", "West"],
      ["leads", "total", ""],
      ["leads", "segment", "Web"],
      ["churned", "total", ""],
      ["churned", "segment", "SMB"],
    ]);
  });
});

describe("mergeSegmentNames", () => {
  it("joins the names of every source by node, each name once, a missing source as none", () => {
    const fromServer = { revenue: ["East", "West"], leads: ["Web"] };
    const added = { revenue: ["West", "North"], churned: ["SMB"] };
    expect(mergeSegmentNames(fromServer, undefined, added)).toEqual({
      revenue: ["East", "West", "North"],
      leads: ["Web"],
      churned: ["SMB"],
    });
    expect(mergeSegmentNames(undefined, {})).toEqual({});
    // The sources are left as they were.
    expect(fromServer.revenue).toEqual(["East", "West"]);
  });
});

describe("segmentTotal", () => {
  const parts = [
    { segment: "", value: 10 },
    { segment: "East", value: 4 },
    { segment: "West", value: 1 },
  ];
  it.each([
    ["sum", 15],
    ["last", 15], // a stock: each segment's own value, added up
    ["first", 15],
    ["average", 5], // (10 + 4 + 1) / 3
    ["min", 1],
    ["max", 10],
  ])("%s over 10, 4 and 1 is %s", (aggregation, total) => {
    expect(segmentTotal(aggregation, parts)).toBe(total);
  });

  it("weights each segment's value by the weight node's value of that segment", () => {
    const weights: Record<string, number> = { "": 1, East: 3 };
    // West has no weight and is left out: (10·1 + 4·3) / (1 + 3) = 22 / 4
    expect(segmentTotal("weighted_average", parts, (s) => weights[s] ?? null)).toBe(5.5);
    expect(segmentTotal("weighted_average", parts)).toBeNull();
  });

  it("has no value without parts", () => {
    expect(segmentTotal("sum", [])).toBeNull();
  });
});

describe("totalAt", () => {
  const node = { id: "revenue", unit: "JPY", aggregation: "sum" };
  const east = rowKey("revenue", "East");
  const west = rowKey("revenue", "West");
  const rows = [
    { key: "revenue", segment: "" },
    { key: east, segment: "East" },
    { key: west, segment: "West" },
  ];
  const stored: StoredValues = {
    revenue: { "2026-10": 1000 },
    [east]: { "2026-10": 300, "2026-11": 200 },
  };

  it("adds what each row holds now, typed values included", () => {
    expect(totalAt(node, rows, "2026-10", stored, {})).toEqual({ value: 1300, pending: false });
    const drafts: Drafts = { [west]: { "2026-10": "50" }, [east]: { "2026-11": "oops" } };
    expect(totalAt(node, rows, "2026-10", stored, drafts)).toEqual({ value: 1350, pending: true });
    // A wrong draft does not count; the stored value does.
    expect(totalAt(node, rows, "2026-11", stored, drafts)).toEqual({ value: 200, pending: false });
    expect(totalAt(node, rows, "2026-12", stored, drafts)).toEqual({ value: null, pending: false });
  });

  it("weights by the weight node's value of the same segment and period", () => {
    const csat = { id: "csat", unit: "score", aggregation: "weighted_average", weight: "responses" };
    const values: StoredValues = {
      [rowKey("csat", "East")]: { "2026-10": 4 },
      [rowKey("csat", "West")]: { "2026-10": 2 },
      [rowKey("responses", "East")]: { "2026-10": 30 },
      [rowKey("responses", "West")]: { "2026-10": 10 },
    };
    const csatRows = [
      { key: rowKey("csat", "East"), segment: "East" },
      { key: rowKey("csat", "West"), segment: "West" },
    ];
    // (4·30 + 2·10) / 40 = 140 / 40
    expect(totalAt(csat, csatRows, "2026-10", values, {})).toEqual({ value: 3.5, pending: false });
  });
});

describe("checkSegmentName", () => {
  it.each([
    ["  東日本 ", [], { ok: true, name: "東日本" }],
    ["", [], { ok: false, reason: "empty" }],
    ["   ", [], { ok: false, reason: "empty" }],
    ["East\tWest", [], { ok: false, reason: "control" }],
    ["East", ["East"], { ok: false, reason: "duplicate", existing: "East" }],
    ["east", ["East"], { ok: false, reason: "duplicate", existing: "East" }],
    ["Ｅａｓｔ", ["East"], { ok: false, reason: "duplicate", existing: "East" }],
    ["ﾆｼ", ["ニシ"], { ok: false, reason: "duplicate", existing: "ニシ" }],
    ["East 2", ["East"], { ok: true, name: "East 2" }],
  ] as const)("%j beside %j", (text, existing, check) => {
    expect(checkSegmentName(text, existing)).toEqual(check);
  });
});
