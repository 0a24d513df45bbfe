import { describe, expect, it } from "vitest";
import { kpiFileJsonSchema } from "./kpiFileSchema.js";

describe("kpiFileJsonSchema", () => {
  // Editors read the committed file; this keeps it equal to the zod schema.
  // After changing kpiFileSchema.ts: npx vitest run -u packages/engine/src/file/kpiFileSchema.test.ts
  it("matches the committed kpi-file.schema.json (regenerate with vitest -u)", async () => {
    await expect(`${JSON.stringify(kpiFileJsonSchema(), null, 2)}\n`).toMatchFileSnapshot(
      "./kpi-file.schema.json",
    );
  });

  it("describes a strict file with version 1", () => {
    const schema = kpiFileJsonSchema();
    expect(schema).toMatchObject({
      type: "object",
      additionalProperties: false,
      required: ["version", "name", "nodes"],
      properties: { version: { const: 1 } },
    });
  });
});
