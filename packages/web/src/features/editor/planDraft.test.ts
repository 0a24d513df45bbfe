import { readFileSync } from "node:fs";
import { type Plan, parseKpiFile, writeKpiFile } from "@shihyo/engine";
import { describe, expect, it } from "vitest";
import { draftFromPlan, planFromDraft, readNumber } from "./planDraft";

function template(name: string): Plan {
  const text = readFileSync(new URL(`../../../../cli/templates/${name}.yaml`, import.meta.url), "utf8");
  const parsed = parseKpiFile(text, { fileName: `${name}.yaml` });
  if (!parsed.ok) throw new Error(`${name} does not parse`);
  return parsed.plan;
}

const small: Plan = {
  version: 1,
  name: "テスト",
  calendar: { fiscalYearStart: 1, timezone: "UTC" },
  nodes: [
    {
      id: "revenue",
      role: "kgi",
      name: "売上",
      unit: "JPY",
      cadence: "quarter",
      formula: "leads * deal_size",
      tags: ["kgi", "north-star"],
      targets: { "FY2026-Q1": { value: 3_000_000, baseline: 2_500_000, basis: "past", note: "+20%" } },
    },
    { id: "ksf_leads", role: "ksf", name: "集客", parent: "revenue", department: "marketing" },
    {
      id: "leads",
      role: "kpi",
      parent: "ksf_leads",
      direction: "range",
      range: [-1.5, 1e21],
      grain: "day",
      aggregation: "sum",
      tolerance: 0,
      targets: { "2026-01": { value: 0.1 }, "2026-02": { value: 0 } },
    },
    { id: "deal_size", role: "kpi", parent: "revenue", aggregation: "weighted_average", weight: "leads" },
  ],
  lint: { rules: { K1: "off" } },
  data: [{ node: "leads", period: "2026-01-05", value: 3 }],
};

describe("draft ↔ KPI file", () => {
  it.each(["saas", "marketing", "sales", "customer-success", "product"])(
    "the %s template comes back unchanged",
    (name) => {
      const plan = template(name);
      const { plan: back, problems } = planFromDraft(draftFromPlan(plan));
      expect(problems).toEqual([]);
      expect(back).toEqual(plan);
      expect(writeKpiFile(back)).toBe(writeKpiFile(plan));
    },
  );

  it("keeps every field, the calendar, lint settings and data rows", () => {
    const { plan, problems } = planFromDraft(draftFromPlan(small));
    expect(problems).toEqual([]);
    expect(plan).toEqual(small);
    expect(Object.keys(plan)).toEqual(["version", "name", "calendar", "nodes", "lint", "data"]);
  });

  it("holds parents by key, so renaming a new node keeps its children", () => {
    const draft = draftFromPlan(small);
    const kgi = draft.nodes[0]!;
    expect(draft.nodes[1]!.parent).toBe(kgi.key);
    const renamed = { ...draft, nodes: draft.nodes.map((n, i) => (i === 0 ? { ...n, id: "sales" } : n)) };
    expect(planFromDraft(renamed).plan.nodes[1]!.parent).toBe("sales");
  });

  it("writes empty fields as absent and a KSF without numbers", () => {
    const draft = draftFromPlan(small);
    const ksf = {
      ...draft.nodes[1]!,
      unit: "JPY",
      formula: "leads",
      targets: [{ period: "2026-01", value: "1", baseline: "", basis: "" as const, note: "" }],
    };
    const nodes = [{ ...draft.nodes[0]!, name: "", tags: " , " }, ksf, ...draft.nodes.slice(2)];
    const { plan } = planFromDraft({ ...draft, nodes, fiscalYearStart: "", timezone: "" });
    expect(plan.nodes[0]).not.toHaveProperty("name");
    expect(plan.nodes[0]).not.toHaveProperty("tags");
    expect(plan.nodes[1]).toEqual({
      id: "ksf_leads",
      role: "ksf",
      name: "集客",
      parent: "revenue",
      department: "marketing",
    });
    expect(plan).not.toHaveProperty("calendar");
  });

  it("reports what is not a number and leaves it out, so the rest can still be checked", () => {
    const draft = draftFromPlan(small);
    const leads = draft.nodes[2]!;
    const nodes = [
      ...draft.nodes.slice(0, 2),
      {
        ...leads,
        tolerance: "10%",
        rangeMax: "",
        targets: [
          { period: "2026-01", value: "1,500", baseline: "abc", basis: "" as const, note: "" },
          { period: "2026-01", value: "2", baseline: "", basis: "" as const, note: "" },
          { period: " ", value: "3", baseline: "", basis: "" as const, note: "" },
          { period: "2026-03", value: "x", baseline: "", basis: "" as const, note: "" },
        ],
      },
      draft.nodes[3]!,
    ];
    const { plan, problems } = planFromDraft({ ...draft, name: " ", nodes });
    expect(problems).toEqual([
      { code: "nameMissing", key: null, field: "name" },
      { code: "rangeIncomplete", key: leads.key, field: "range" },
      { code: "notANumber", key: leads.key, field: "tolerance", text: "10%" },
      { code: "notANumber", key: leads.key, field: "targets", row: 0, text: "abc" },
      { code: "periodTwice", key: leads.key, field: "targets", row: 1, text: "2026-01" },
      { code: "periodMissing", key: leads.key, field: "targets", row: 2 },
      { code: "notANumber", key: leads.key, field: "targets", row: 3, text: "x" },
    ]);
    expect(plan.nodes[2]!.targets).toEqual({ "2026-01": { value: 1500 } });
    expect(plan.nodes[2]).not.toHaveProperty("tolerance");
    expect(plan.nodes[2]).not.toHaveProperty("range");
  });
});

describe("readNumber", () => {
  it.each([
    ["1500", 1500],
    [" 1,500 ", 1500],
    ["0.25", 0.25],
    [".5", 0.5],
    ["-3", -3],
    ["1e6", 1_000_000],
    ["2.5E-3", 0.0025],
    ["", null],
    ["10%", null],
    ["abc", null],
    ["1e999", null],
    ["0x10", null],
    ["1.2.3", null],
  ])("%j → %s", (input, expected) => {
    expect(readNumber(input)).toBe(expected);
  });
});
