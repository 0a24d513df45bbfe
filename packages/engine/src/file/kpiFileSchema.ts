import { z } from "zod";
import { AGGREGATIONS, BASES, DIRECTIONS, ROLES } from "../model/types.js";
import { GRAINS } from "../period/types.js";

/*
 * The shape of a KPI file, checked before any meaning is: types, enums and unknown keys.
 * What needs the whole plan (ids, references, cycles, period ids) is preparePlan's job.
 * Objects are strict so that a misspelt key is an error, never silently ignored.
 */

const grain = z.enum(GRAINS);

export const calendarSchema = z
  .strictObject({
    fiscalYearStart: z
      .int()
      .min(1)
      .max(12)
      .optional()
      .describe("Month (1–12) the fiscal year starts in; default 4"),
    timezone: z.string().optional().describe("IANA time zone; default Asia/Tokyo"),
    weekStart: z.enum(["monday", "sunday"]).optional(),
    locale: z.enum(["ja", "en"]).optional().describe("Language of findings and reports"),
  })
  .describe("The fiscal calendar; every field has a default");

export const targetObjectSchema = z.strictObject({
  value: z.number(),
  baseline: z.number().optional().describe('The "from" of "NPS 50 → 60"'),
  basis: z.enum(BASES).optional(),
  note: z.string().optional(),
});

export const targetSchema = z.union([z.number(), targetObjectSchema]);

export const nodeSchema = z.strictObject({
  id: z.string().describe("Lower snake case, unique in the plan"),
  role: z.enum(ROLES),
  name: z.string().optional(),
  parent: z.string().optional().describe("Id of the parent node in the tree"),
  definition: z.string().optional(),
  unit: z.string().optional().describe("JPY, USD, count, percent, ratio, days, hours, score, or free text"),
  direction: z.enum(DIRECTIONS).optional().describe("up (default): higher is better"),
  range: z.tuple([z.number(), z.number()]).optional().describe("[min, max], with direction: range"),
  cadence: grain.optional().describe("The grain targets are set for"),
  grain: grain.optional().describe("The finest grain data are recorded at"),
  aggregation: z.enum(AGGREGATIONS).optional(),
  weight: z.string().optional().describe("Id of the weighing node, with aggregation: weighted_average"),
  formula: z.string().optional().describe("Arithmetic over node ids, e.g. leads * win_rate * deal_size"),
  tolerance: z.number().optional().describe("Allowed shortfall before a node is off track; 0.1 = 10 %"),
  owner: z.string().optional(),
  department: z.string().optional(),
  tags: z.array(z.string()).optional(),
  targets: z
    .record(z.string(), targetSchema)
    .optional()
    .describe("Period id (FY2026-Q1, 2026-04, ...) → value, or { value, baseline, basis, note }"),
});

const severity = z.enum(["off", "error", "warning", "info"]);

export const lintRuleSchema = z.union([
  severity,
  z.object({ severity: severity.optional() }).catchall(z.union([z.number(), z.string(), z.boolean()])),
]);

export const lintSchema = z.strictObject({
  rules: z.record(z.string(), lintRuleSchema).optional(),
});

export const measurementSchema = z.strictObject({
  node: z.string(),
  period: z.string().describe("A period id at the node's grain: 2026-04-15, 2026-W16, 2026-04, ..."),
  value: z.number(),
  segment: z.string().optional(),
});

export const kpiFileSchema = z
  .strictObject({
    version: z.literal(1),
    name: z.string(),
    calendar: calendarSchema.optional(),
    nodes: z.array(nodeSchema),
    lint: lintSchema.optional(),
    data: z.array(measurementSchema).optional().describe("Actuals kept in the file itself"),
  })
  .describe("A Shihyo KPI file: one plan, its tree of nodes and their targets");

export type KpiFileInput = z.output<typeof kpiFileSchema>;

/** The file's JSON Schema, for editors (`# yaml-language-server: $schema=...`). */
export function kpiFileJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(kpiFileSchema, { target: "draft-2020-12", io: "input" }) as Record<string, unknown>;
}
