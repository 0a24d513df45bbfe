import { describe, expect, it } from "vitest";
import { checkDraft, fieldOfPath, issuesFromServer, parsePath } from "./checkDraft";
import { type Draft, type DraftNode, draftFromPlan } from "./planDraft";

const base: Draft = draftFromPlan({
  version: 1,
  name: "p",
  nodes: [
    { id: "revenue", role: "kgi", cadence: "quarter", formula: "leads * win_rate" },
    { id: "ksf_a", role: "ksf", parent: "revenue" },
    { id: "leads", role: "kpi", parent: "ksf_a", cadence: "month" },
    { id: "win_rate", role: "kpi", parent: "ksf_a", cadence: "month", unit: "percent" },
  ],
});
const key = (id: string) => `saved:${id}`;

function edit(id: string, patch: Partial<DraftNode>, draft: Draft = base): Draft {
  return { ...draft, nodes: draft.nodes.map((n) => (n.id === id ? { ...n, ...patch } : n)) };
}

describe("checkDraft", () => {
  it("finds nothing in a good plan", () => {
    expect(checkDraft(base, "en").issues).toEqual([]);
  });

  it("names an unknown id with the closest one, where it starts in the formula", () => {
    const { issues } = checkDraft(edit("revenue", { formula: "leads * winrate" }), "en");
    expect(issues).toEqual([
      {
        key: key("revenue"),
        field: "formula",
        offset: 8,
        message:
          'The formula refers to "winrate", which is not a node of this plan. Did you mean "win_rate"?',
        source: "check",
      },
    ]);
    const [ja] = checkDraft(edit("revenue", { formula: "leads * winrate" }), "ja").issues;
    expect(ja!.message).toBe(
      "計算式が参照する「winrate」はこのプランにありません。「win_rate」の誤りではありませんか？",
    );
  });

  it("gives a syntax error with its position", () => {
    const [issue] = checkDraft(edit("revenue", { formula: "leads * * win_rate" }), "en").issues;
    expect(issue).toMatchObject({ key: key("revenue"), field: "formula", offset: 8 });
  });

  it("reports a loop of formulas on every node of the loop, naming them", () => {
    const looped = edit("leads", { formula: "revenue / win_rate" });
    const issues = checkDraft(looped, "en").issues;
    expect(issues.map((i) => [i.key, i.field])).toEqual([
      [key("revenue"), "formula"],
      [key("leads"), "formula"],
    ]);
    expect(issues[0]!.message).toBe(
      "The formulas refer to each other in a circle: revenue → leads → revenue.",
    );
  });

  it("refuses a KSF in a formula and puts target problems on their row", () => {
    const draft = edit("leads", {
      formula: "ksf_a * 2",
      targets: [
        { period: "2026-04", value: "100", baseline: "", basis: "", note: "" },
        { period: "FY2026-Q1", value: "300", baseline: "", basis: "", note: "" },
        { period: "2026-4", value: "1", baseline: "", basis: "", note: "" },
      ],
    });
    const issues = checkDraft(draft, "en").issues;
    expect(issues.map((i) => [i.field, i.row ?? null, i.offset ?? null])).toEqual([
      ["formula", null, 0],
      ["targets", 1, null],
      ["targets", 2, null],
    ]);
  });

  it("places the form's own problems and a bad calendar on their fields", () => {
    const draft = { ...edit("leads", { tolerance: "ten" }), timezone: "Asia/Tokio", name: "" };
    const issues = checkDraft(draft, "en").issues;
    expect(issues.map((i) => [i.key, i.field])).toEqual([
      [null, "name"],
      [key("leads"), "tolerance"],
      [null, "timezone"],
    ]);
    expect(issues[1]!.message).toBe("“ten” is not a number: write digits (rates as fractions: 20 % is 0.2).");
    expect(issues[2]!.message).toContain("Asia/Tokyo");
  });

  it("flags a duplicate id and a bad id on the id field", () => {
    const draft = edit("win_rate", { id: "leads" });
    expect(checkDraft(draft, "en").issues.map((i) => [i.key, i.field])).toContainEqual([
      key("win_rate"),
      "id",
    ]);
    expect(checkDraft(edit("win_rate", { id: "WinRate" }), "en").issues[0]).toMatchObject({ field: "id" });
  });
});

describe("server errors on the form", () => {
  it.each([
    ["nodes[3].targets.FY2026-Q1.value", ["nodes", 3, "targets", "FY2026-Q1", "value"]],
    ['nodes[0].targets["a b"]', ["nodes", 0, "targets", "a b"]],
    ["calendar.timezone", ["calendar", "timezone"]],
    ["name", ["name"]],
    ["", []],
  ])("reads the path %j", (text, segments) => {
    expect(parsePath(text)).toEqual(segments);
  });

  it("maps each error to the node sent at that place", () => {
    const draft = edit("leads", {
      targets: [{ period: "2026-04", value: "1", baseline: "", basis: "", note: "" }],
    });
    const keys = draft.nodes.map((n) => n.key);
    expect(
      issuesFromServer(
        [
          { path: "nodes[2].targets.2026-04", message: "bad target", line: 9, column: 7 },
          { path: "nodes[0].formula", message: "bad formula" },
          { path: "calendar.fiscalYearStart", message: "bad month" },
          { path: "lint.rules.X9", message: "unknown rule" },
        ],
        keys,
        draft,
      ),
    ).toEqual([
      { key: key("leads"), field: "targets", row: 0, message: "bad target", source: "server" },
      { key: key("revenue"), field: "formula", message: "bad formula", source: "server" },
      { key: null, field: "fiscalYearStart", message: "bad month", source: "server" },
      { key: null, field: "file", message: "unknown rule", source: "server" },
    ]);
  });

  it("knows a calendar problem reported on the calendar as a whole by its code", () => {
    expect(fieldOfPath(["calendar"], [], base, "calendar.badWeekStart")).toEqual({
      key: null,
      field: "weekStart",
    });
  });
});
