import { z } from "zod";
import { actorOf } from "../auth/requestAuth.js";
import { requirePlanSummary } from "../evaluation/planModel.js";
import type { App, RouteDeps } from "./app.js";
import { planParams } from "./schemas.js";

const segmentsQuery = z.object({
  node: z.string().min(1).max(200).optional().meta({ description: "one node; default: every node" }),
});

const segmentsSchema = z.object({
  nodes: z
    .record(z.string(), z.array(z.string()))
    .meta({ description: "node id → its segment names, in code-point order; only nodes with a segment" }),
});

/**
 * The segments a plan's actuals are recorded by, over every period: what the data-entry grid
 * needs to show a segmented node as its total and segment rows in a period with no actual yet.
 */
export function segmentRoutes(app: App, { store }: RouteDeps): void {
  app.get(
    "/api/v1/plans/:id/segments",
    {
      config: { access: "viewer" },
      schema: {
        tags: ["measurements"],
        summary: "Each node's segments over all its stored actuals (any period)",
        description:
          "The distinct non-empty segments of the plan's actuals, by node; nodes and names in " +
          "code-point order. A node whose actuals are all unsegmented is not listed. " +
          "With `node`, only that node (an empty `nodes` when it has no segment).",
        params: planParams,
        querystring: segmentsQuery,
        response: { 200: segmentsSchema },
      },
    },
    async (request) => {
      const { orgId } = actorOf(request);
      await requirePlanSummary(store, orgId, request.params.id);
      const { node } = request.query;
      const listed = await store.listSegments(
        orgId,
        request.params.id,
        node !== undefined ? { nodeId: node } : {},
      );
      return { nodes: Object.fromEntries(listed.map((entry) => [entry.node, entry.segments])) };
    },
  );
}
