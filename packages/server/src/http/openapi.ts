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
