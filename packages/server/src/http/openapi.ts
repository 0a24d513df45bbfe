import type { SwaggerTransform } from "@fastify/swagger";
import type { FastifySchema } from "fastify";
import { jsonSchemaTransform } from "fastify-type-provider-zod";
import { type ZodType, z } from "zod";

/** A request body that comes in several media types (a KPI file as YAML or JSON, data as CSV or JSON). */
export interface MediaBody {
  content: Record<string, { schema: ZodType; docs?: Record<string, unknown> }>;
}

declare module "fastify" {
  interface FastifySchema {
    tags?: readonly string[];
    summary?: string;
    description?: string;
  }
}

function isMediaBody(body: unknown): body is MediaBody {
  return typeof body === "object" && body !== null && "content" in body && !(body instanceof z.ZodType);
}

/**
 * The OpenAPI transform: zod schemas to JSON Schema (fastify-type-provider-zod), plus
 * bodies declared per media type, which that transform does not handle. Each media type's
 * zod schema validates the body; `docs` may describe it better (the KPI file's JSON Schema
 * for a body that is validated as text and parsed by the engine).
 */
export const openApiTransform: SwaggerTransform<FastifySchema> = (document) => {
  const transformed = transformBody(document);
  return { ...transformed, schema: noContentDocumented(transformed.schema) };
};

/** The schema that documents a 204 answer: no body. */
export const noContent = z.null().meta({ description: "No Content" });

/** A 204 answer has no body: described as such, not as a JSON `null`. */
function noContentDocumented(schema: ReturnType<typeof jsonSchemaTransform>["schema"]) {
  const response = (schema as { response?: Record<string, unknown> } | undefined)?.response;
  if (!response || !("204" in response)) return schema;
  return { ...schema, response: { ...response, 204: { description: "No Content", type: "null" } } };
}

const transformBody: SwaggerTransform<FastifySchema> = (document) => {
  const body = document.schema?.body;
  if (!isMediaBody(body)) return jsonSchemaTransform(document);
  const transformed = jsonSchemaTransform({ ...document, schema: { ...document.schema, body: undefined } });
  const content = Object.fromEntries(
    Object.entries(body.content).map(([type, { schema, docs }]) => [
      type,
      { schema: docs ?? z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) },
    ]),
  );
  return { ...transformed, schema: { ...transformed.schema, body: { content } } };
};
