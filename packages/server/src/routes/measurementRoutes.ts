import { z } from "zod";
import { actorOf } from "../auth/requestAuth.js";
import { importMeasurements, type MeasurementBody } from "../commands/importMeasurements.js";
import { requirePlanSummary } from "../evaluation/planModel.js";
import type { MediaBody } from "../http/openapi.js";
import type { App, RouteDeps } from "./app.js";
import {
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
        summary: `Import actuals (≤ ${config.maxMeasurementRows} rows; all or nothing; idempotent)`,
        params: planParams,
        body: measurementBody,
        response: { 200: ingestResultSchema },
      },
    },
    async (request) =>
      importMeasurements({
        store,
        actor: actorOf(request),
        planId: request.params.id,
        body: bodyOf(request.headers["content-type"], request.body),
        maxRows: config.maxMeasurementRows,
      }),
  );

  app.get(
    "/api/v1/plans/:id/measurements",
    {
      config: { access: "viewer" },
      schema: {
        tags,
        summary: "Stored actuals, by node and period range",
        params: planParams,
        querystring: measurementsQuery,
        response: { 200: storedMeasurementSchema.array() },
      },
    },
    async (request) => {
      const { orgId } = actorOf(request);
      await requirePlanSummary(store, orgId, request.params.id);
      const { node, from, to } = request.query;
      return store.listMeasurements(orgId, request.params.id, {
        ...(node !== undefined ? { nodeId: node } : {}),
        ...(from !== undefined ? { from } : {}),
        ...(to !== undefined ? { to } : {}),
      });
    },
  );
}
