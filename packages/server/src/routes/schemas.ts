/**
 * The zod schemas of the API: they validate requests (once, before the handler runs) and
 * generate the OpenAPI document. Response schemas document the answers.
 */

import { z } from "zod";
import { TOKEN_SCOPES } from "../auth/scopes.js";

export const roleSchema = z.enum(["owner", "admin", "editor", "viewer"]);
const num = z.number().nullable();
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "a date as YYYY-MM-DD");

export const planParams = z.object({ id: z.string().min(1).max(200) });
export const nodeParams = planParams.extend({ node: z.string().min(1).max(200) });
export const targetParams = nodeParams.extend({ period: z.string().min(1).max(40) });

export const problemSchema = z
  .looseObject({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.string(),
    instance: z.string().optional(),
    errors: z
      .array(
        z.looseObject({
          message: z.string(),
          path: z.string(),
          line: z.number().int().nullable().optional(),
          column: z.number().int().nullable().optional(),
          code: z.string().optional(),
        }),
      )
      .optional(),
  })
  .meta({ description: "RFC 9457 problem details (application/problem+json)" });

export const userSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  locale: z.enum(["ja", "en"]).nullable(),
  createdAt: z.string(),
});

export const organizationSchema = z.object({
  id: z.string(),
  slug: z.string().nullable(),
  name: z.string().nullable(),
  role: roleSchema,
});

export const renameOrganizationBody = z.object({ name: z.string().trim().min(1).max(200) });

export const loginBody = z.object({
  email: z.string().min(1).max(320),
  password: z.string().min(1).max(1024),
  org: z.string().min(1).max(100).optional().meta({ description: "organisation slug (default: the first)" }),
});

export const sessionSchema = z.object({
  user: userSchema.nullable(),
  org: organizationSchema,
  role: roleSchema,
  csrfToken: z.string().nullable(),
  expiresAt: z.string().nullable(),
  via: z.enum(["session", "token"]),
});

export const setupStatusSchema = z.object({
  needed: z.boolean().meta({ description: "true while the database has no user: the first run is open" }),
});
// Lengths and formats are checked by the first-run command, so that its messages are in ja and en.
export const setupBody = z.object({
  organization: z.object({
    name: z.string(),
    slug: z.string().optional().meta({ description: "default: made from the name" }),
  }),
  user: z.object({
    email: z.string(),
    name: z.string(),
    password: z.string().meta({ description: "at least 8 characters" }),
    locale: z.enum(["ja", "en"]).optional(),
  }),
});

export const membershipSchema = z.object({
  userId: z.string(),
  email: z.string(),
  name: z.string(),
  role: roleSchema,
});

export const addMemberBody = z.object({
  email: z.email().max(320),
  name: z.string().min(1).max(200).optional(),
  password: z.string().min(8).max(1024).optional().meta({ description: "required when the user is new" }),
  role: roleSchema,
  locale: z.enum(["ja", "en"]).optional(),
});
export const memberParams = z.object({ userId: z.string().min(1).max(200) });
export const changeRoleBody = z.object({ role: roleSchema });

export const planSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  version: z.number().int(),
  dataVersion: z.number().int(),
  /** The plan's calendar with the defaults filled in: enough to name the current period. */
  calendar: z.object({
    fiscalYearStart: z.number().int().min(1).max(12),
    timezone: z.string(),
    weekStart: z.enum(["monday", "sunday"]),
    locale: z.enum(["ja", "en"]),
  }),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export const createdSchema = z.object({ id: z.string() });

export const ifMatchHeaders = z.looseObject({
  "if-match": z.string().optional().meta({ description: 'the ETag received, e.g. "3"' }),
});

export const nodeSchema = z.looseObject({
  id: z.string(),
  role: z.enum(["kgi", "ksf", "kpi"]),
  name: z.string().optional(),
  parent: z.string().optional(),
  cadence: z.string().nullable(),
  grain: z.string(),
  aggregation: z.string(),
  measured: z.boolean(),
  computed: z.boolean(),
});

export const targetSchema = z.object({
  nodeId: z.string(),
  period: z.string(),
  value: z.number(),
  baseline: z.number().optional(),
  basis: z.enum(["past", "benchmark", "stretch"]).optional(),
  note: z.string().optional(),
  version: z.number().int(),
  updatedAt: z.string(),
});

export const reviseTargetBody = z.object({
  value: z.number().finite(),
  baseline: z.number().finite().optional(),
  basis: z.enum(["past", "benchmark", "stretch"]).optional(),
  note: z.string().max(2000).optional(),
  reason: z.enum(["external", "resources", "misaligned", "other"]),
  comment: z.string().max(4000),
});

export const revisionSchema = z.object({
  id: z.string(),
  nodeId: z.string(),
  period: z.string(),
  oldValue: num,
  newValue: z.number(),
  reason: z.enum(["external", "resources", "misaligned", "other"]),
  comment: z.string(),
  userId: z.string().nullable(),
  at: z.string(),
});

export const measurementRowsBody = z.object({
  rows: z.array(
    z.object({
      node: z.string().min(1),
      period: z.string().min(1),
      value: z.number(),
      segment: z.string().optional(),
    }),
  ),
});
export const ingestResultSchema = z.object({
  inserted: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  importId: z.string(),
});
export const measurementsQuery = z.object({
  node: z.string().min(1).optional(),
  from: z.string().min(1).optional().meta({ description: "first period id (inclusive)" }),
  to: z.string().min(1).optional().meta({ description: "last period id (inclusive)" }),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(10_000)
    .optional()
    .meta({ description: "rows per page (max 10,000; 1,000 when only `cursor` is given); none: every row" }),
  cursor: z
    .string()
    .min(1)
    .max(2000)
    .optional()
    .meta({ description: "the page after this one: the `cursor` of the previous page's `Link: rel=next`" }),
});
export const importQuery = z.object({
  dryRun: z
    .enum(["true", "false"])
    .optional()
    .meta({ description: "true: check and count as a real import would, write nothing" }),
});
export const dryRunResultSchema = z.object({
  dryRun: z.literal(true),
  inserted: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  rows: z.number().int().meta({ description: "rows checked" }),
  preview: z
    .array(
      z.object({
        node: z.string(),
        period: z.string(),
        value: z.number(),
        segment: z.string().optional(),
        previous: z.number().nullable().meta({ description: "the stored value; null when there is none" }),
        change: z.enum(["new", "changed", "same"]),
      }),
    )
    .meta({ description: "the first rows, in the file's order" }),
});
export const storedMeasurementSchema = z.object({
  node: z.string(),
  period: z.string(),
  value: z.number(),
  segment: z.string().optional(),
  source: z.string(),
  importId: z.string().nullable(),
  updatedAt: z.string(),
});

export const evaluationQuery = z.object({
  period: z.string().min(1),
  asOf: day.optional().meta({ description: "default: today in the plan's time zone" }),
  segment: z.string().min(1).optional(),
});
/** A node's numbers for one period: the fields of a node of `eval --json` (besides its id). */
export const nodeNumbersSchema = z.object({
  actual: num,
  target: num,
  derivedTarget: z.boolean(),
  progress: num,
  expectedToDate: num,
  forecast: num,
  forecastMethod: z.string().nullable(),
  status: z.string(),
  modeled: num,
  coverage: num,
  modelGap: num,
  actualSource: z.string().nullable(),
  targetSource: z.string().nullable(),
  baseline: num,
  expectedMethod: z.string().nullable(),
  elapsedShare: num,
  reason: z.string().nullable(),
});

export const evaluationSchema = z.object({
  period: z.string(),
  asOf: z.string(),
  segment: z.string().optional(),
  nodes: z.array(nodeNumbersSchema.extend({ id: z.string() })),
});

export const findingsQuery = z.object({ asOf: day.optional() });
export const findingsSchema = z.object({
  ok: z.boolean(),
  errors: z.array(z.looseObject({ message: z.string(), path: z.string() })),
  findings: z.array(
    z.object({
      rule: z.string(),
      severity: z.enum(["error", "warning", "info"]),
      node: z.string().nullable(),
      period: z.string().nullable(),
      message: z.string(),
      fix: z.string().nullable(),
    }),
  ),
  consistency: z.array(
    z.object({
      node: z.string(),
      period: z.string(),
      target: num,
      implied: num,
      gap: num,
      gapRatio: num,
      consistent: z.boolean(),
    }),
  ),
});

export const solveQuery = z.object({
  node: z.string().min(1),
  for: z.string().min(1),
  period: z.string().min(1),
  shape: z.enum(["even", "last-year"]).optional(),
});
export const solveSchema = z.object({
  node: z.string(),
  for: z.string(),
  period: z.string(),
  value: num,
  monthly: z.record(z.string(), z.number().nullable()).optional(),
  unique: z.boolean(),
  solutions: z.array(z.number().nullable()).optional(),
  note: z.string().optional(),
});

export const sensitivityQuery = z.object({
  node: z.string().min(1),
  period: z.string().min(1),
  asOf: day.optional(),
  basis: z.enum(["actual", "forecast", "target"]).optional(),
});
export const sensitivitySchema = z.object({
  node: z.string(),
  period: z.string(),
  basis: z.string(),
  value: num,
  target: num,
  levers: z.array(
    z.object({
      id: z.string(),
      value: num,
      elasticity: num,
      impactOf10pct: num,
      requiredValue: num,
      requiredChange: num,
    }),
  ),
});

export const whatIfBody = z.object({
  period: z.string().min(1),
  asOf: day.optional().meta({ description: "default: today in the plan's time zone" }),
  values: z
    .record(z.string().min(1).max(200), z.number())
    .refine((values) => Object.keys(values).length <= 1000, "at most 1,000 values")
    .meta({ description: "node id → its actual for the period in the scenario (measured nodes only)" }),
});
export const whatIfSchema = evaluationSchema.extend({
  changes: z.array(z.object({ id: z.string(), base: num, value: num, difference: num })).meta({
    description: "the nodes given a value, then every node whose formula reads them, in plan order",
  }),
});

export const explainQuery = evaluationQuery.extend({ node: z.string().min(1) });
export const explainSchema = z.looseObject({
  node: z.string(),
  period: z.string(),
  asOf: z.string(),
  value: num,
  kind: z.enum(["measured", "computed", "none"]),
});

export const commentSchema = z.object({
  id: z.string(),
  planId: z.string(),
  nodeId: z.string(),
  userId: z.string().nullable(),
  body: z.string(),
  createdAt: z.string(),
});
export const commentBody = z.object({ body: z.string().min(1).max(10_000) });

export const auditQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).optional(),
  after: z.string().min(1).optional(),
  action: z
    .string()
    .min(1)
    .max(2000)
    .optional()
    .meta({ description: "only these actions, comma-separated (e.g. membership.add,membership.role)" }),
  userId: z.string().min(1).optional().meta({ description: "only what this user did" }),
  tokenId: z.string().min(1).optional().meta({ description: "only what this API token did" }),
});
export const auditSchema = z.object({
  entries: z.array(
    z.object({
      id: z.string(),
      orgId: z.string(),
      userId: z.string().nullable(),
      tokenId: z.string().nullable(),
      action: z.string(),
      entity: z.string(),
      entityId: z.string(),
      detail: z.record(z.string(), z.unknown()),
      at: z.string(),
    }),
  ),
  next: z.string().nullable(),
  users: z.record(z.string(), z.object({ name: z.string(), email: z.string() })).meta({
    description:
      "every user the entries mention (who acted, users acted on), by id — also those no longer members",
  }),
});

export const apiTokenSchema = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  role: roleSchema,
  scopes: z.array(z.string()),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export const createTokenBody = z.object({
  name: z.string().min(1).max(200),
  role: roleSchema,
  scopes: z
    .array(z.enum(TOKEN_SCOPES))
    .max(TOKEN_SCOPES.length)
    .default([])
    .meta({ description: "limits the token to these scopes; none: everything its role allows" }),
});
export const createdTokenSchema = z.object({
  token: apiTokenSchema,
  secret: z.string().meta({ description: "shown only in this answer; send it as Authorization: Bearer …" }),
});
export const tokenParams = z.object({ id: z.string().min(1).max(200) });
