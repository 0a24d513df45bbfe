import type { StoredMeasurement } from "@shihyo/store";
import { z } from "zod";
import { actorOf } from "../auth/requestAuth.js";
import {
  importMeasurements,
  type MeasurementBody,
  PREVIEW_ROWS,
  previewImport,
} from "../commands/importMeasurements.js";
import { AppError, AppErrorCode } from "../errors/appError.js";
import { requirePlanSummary } from "../evaluation/planModel.js";
import type { MediaBody } from "../http/openapi.js";
import type { App, RouteDeps } from "./app.js";
import {
  dryRunResultSchema,
  importQuery,
  ingestResultSchema,
  measurementRowsBody,
  measurementsQuery,
  planParams,
  storedMeasurementSchema,
} from "./schemas.js";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
/** 100,000 rows of JSON or CSV fit well within this. */
const MEASUREMENT_BODY_LIMIT = 64 * 1024 * 1024;
const fileBytes = z.custom<Buffer>((value) => Buffer.isBuffer(value));

const measurementBody: MediaBody = {
  content: {
    "application/json": { schema: measurementRowsBody },
    "text/csv": {
      schema: fileBytes,
      docs: {
        type: "string",
        description: "a data file: long (node,period,value[,segment]) or wide (period,<node>…)",
      },
    },
    [XLSX]: { schema: fileBytes, docs: { type: "string", format: "binary" } },
  },
};

function bodyOf(contentType: string | undefined, body: unknown): MeasurementBody {
  if (Buffer.isBuffer(body)) {
    const fileName = contentType?.startsWith(XLSX) ? "request.xlsx" : "request.csv";
    return { kind: "file", bytes: body, fileName };
  }
  // Validated against measurementRowsBody for application/json before the handler ran.
  return { kind: "rows", rows: (body as z.output<typeof measurementRowsBody>).rows };
}

const BAD_CURSOR = {
  ja: 'cursor が読めません。前のページの Link ヘッダー（rel="next"）にある値をそのまま渡してください。',
  en: 'The cursor cannot be read; pass the value from the previous page\'s Link header (rel="next") as it is.',
} as const;

/** Rows per page when a caller pages with `cursor` alone. */
const DEFAULT_PAGE = 1000;

const keyOf = (m: StoredMeasurement) => [m.node, m.period, m.segment ?? ""];
const encodeCursor = (key: readonly string[]) => Buffer.from(JSON.stringify(key)).toString("base64url");

function decodeCursor(cursor: string): [string, string, string] {
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (Array.isArray(key) && key.length === 3 && key.every((part) => typeof part === "string"))
      return key as [string, string, string];
  } catch {
    // falls through to the error below
  }
  throw new AppError(AppErrorCode.BadRequest, { detail: (lang) => BAD_CURSOR[lang] });
}

export function measurementRoutes(app: App, { store, config }: RouteDeps): void {
  const tags = ["measurements"];
  app.addContentTypeParser(["text/csv", XLSX], { parseAs: "buffer" }, (_req, body, done) => done(null, body));

  app.post(
    "/api/v1/plans/:id/measurements",
    {
      config: { access: "editor" },
      bodyLimit: MEASUREMENT_BODY_LIMIT,
      schema: {
        tags,
        summary: `Import actuals (≤ ${config.maxMeasurementRows} rows; all or nothing; idempotent); ?dryRun=true checks and counts only`,
        description:
          "Every row is checked against the plan first; any bad row rejects the whole import with " +
          "422 `invalid_data`, listing the bad rows (line, column, field, value and why). " +
          "With `dryRun=true` the same checks run and the answer gives the counts a real import " +
          `would give (\`inserted\`, \`updated\`, \`unchanged\`, \`dryRun: true\`) and the first ${PREVIEW_ROWS} ` +
          "rows with their stored values; nothing is written (no actual, no audit entry, no new data version).",
        params: planParams,
        querystring: importQuery,
        body: measurementBody,
        response: { 200: z.union([ingestResultSchema, dryRunResultSchema]) },
      },
    },
    async (request) => {
      const options = {
        store,
        actor: actorOf(request),
        planId: request.params.id,
        body: bodyOf(request.headers["content-type"], request.body),
        maxRows: config.maxMeasurementRows,
      };
      return request.query.dryRun === "true" ? previewImport(options) : importMeasurements(options);
    },
  );

  app.get(
    "/api/v1/plans/:id/measurements",
    {
      config: { access: "viewer" },
      schema: {
        tags,
        summary: "Stored actuals, by node and period range; pages with limit and cursor",
        description:
          "Rows in key order (node, period, segment). Without `limit` and `cursor` every row comes in " +
          `one answer. With either, one page (\`limit\`, default ${DEFAULT_PAGE}, at most 10,000) and, ` +
          'when more rows follow, a `Link: <…&cursor=…>; rel="next"` header for the next page.',
        params: planParams,
        querystring: measurementsQuery,
        response: { 200: storedMeasurementSchema.array() },
      },
    },
    async (request, reply) => {
      const { orgId } = actorOf(request);
      await requirePlanSummary(store, orgId, request.params.id);
      const { node, from, to, limit, cursor } = request.query;
      const filter = {
        ...(node !== undefined ? { nodeId: node } : {}),
        ...(from !== undefined ? { from } : {}),
        ...(to !== undefined ? { to } : {}),
      };
      if (limit === undefined && cursor === undefined)
        return store.listMeasurements(orgId, request.params.id, filter);
      // One row more than the page: whether another page follows, without counting.
      const size = limit ?? DEFAULT_PAGE;
      const rows = await store.listMeasurements(orgId, request.params.id, {
        ...filter,
        ...(cursor !== undefined ? { after: decodeCursor(cursor) } : {}),
        limit: size + 1,
      });
      const page = rows.slice(0, size);
      const next = rows.length > size ? encodeCursor(keyOf(page[page.length - 1]!)) : null;
      if (next !== null) {
        const query = new URLSearchParams();
        for (const [name, value] of Object.entries({ node, from, to, limit }))
          if (value !== undefined) query.set(name, String(value));
        query.set("cursor", next);
        reply.header(
          "link",
          `</api/v1/plans/${encodeURIComponent(request.params.id)}/measurements?${query}>; rel="next"`,
        );
      }
      return page;
    },
  );
}
