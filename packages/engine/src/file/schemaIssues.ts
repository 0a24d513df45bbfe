import { type core, z } from "zod";
import { closestMatch } from "../closestMatch.js";
import type { Anchor, PathSegment } from "./locateIssue.js";
import type { Allowed, FileMessage, Found } from "./messages.js";

/** A schema problem in our own words, with the place it is about. */
export interface SchemaProblem {
  message: FileMessage;
  path: PathSegment[];
  anchor: Anchor;
}

type Issue = core.$ZodIssue;

export function describeFound(value: unknown): Found {
  if (value === null || value === undefined) return { kind: "nothing" };
  if (typeof value === "string") return { kind: "text", value };
  if (typeof value === "number") return { kind: "number", value };
  if (typeof value === "boolean") return { kind: "boolean", value };
  if (Array.isArray(value)) return { kind: "list" };
  return { kind: "mapping" };
}

function valueAt(root: unknown, path: readonly PathSegment[]): unknown {
  let value = root;
  for (const segment of path) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<PathSegment, unknown>)[segment];
  }
  return value;
}

function unwrap(schema: z.ZodType): z.ZodType {
  return schema instanceof z.ZodOptional ? unwrap(schema.unwrap() as z.ZodType) : schema;
}

/** The keys an object at `path` may have, read from the schema so the two cannot disagree. */
export function knownKeysAt(schema: z.ZodType, path: readonly PathSegment[]): string[] {
  let current: z.ZodType | undefined = unwrap(schema);
  for (const segment of path) {
    if (current instanceof z.ZodUnion)
      current = current.options.map((o) => unwrap(o as z.ZodType)).find(isObject);
    if (current instanceof z.ZodObject) current = current.shape[segment] as z.ZodType | undefined;
    else if (current instanceof z.ZodArray) current = current.element as z.ZodType;
    else if (current instanceof z.ZodRecord) current = current.valueType as z.ZodType;
    else return [];
    if (current) current = unwrap(current);
  }
  if (current instanceof z.ZodUnion)
    current = current.options.map((o) => unwrap(o as z.ZodType)).find(isObject);
  return current instanceof z.ZodObject ? Object.keys(current.shape) : [];
}

function isObject(schema: z.ZodType): schema is z.ZodObject {
  return schema instanceof z.ZodObject;
}

function isRootTypeMismatch(issue: Issue): boolean {
  return issue.path.length === 0 && (issue.code === "invalid_type" || issue.code === "invalid_value");
}

function suggest(found: Found, values: readonly Allowed[]): string | null {
  if (found.kind !== "text") return null;
  return closestMatch(
    found.value,
    values.filter((v): v is string => typeof v === "string"),
  );
}

function asAllowed(values: readonly unknown[]): Allowed[] {
  return values.map((v) =>
    v === null || ["string", "number", "boolean"].includes(typeof v) ? (v as Allowed) : String(v),
  );
}

/**
 * Translates one zod issue into problems in our words. `base` is the path of the value the
 * issue's own path is relative to (zod gives union branches paths relative to the union).
 */
export function describeIssue(
  issue: Issue,
  base: readonly PathSegment[],
  root: unknown,
  schema: z.ZodType,
): SchemaProblem[] {
  const path = [...base, ...(issue.path as PathSegment[])];
  const found = describeFound(valueAt(root, path));
  const at = (message: FileMessage): SchemaProblem[] => [{ message, path, anchor: "value" }];
  // zod reports a missing key as a value of the wrong type; say what happened instead.
  const typeCheck =
    issue.code === "invalid_type" || issue.code === "invalid_value" || issue.code === "invalid_union";
  if (typeCheck && path.length > 0 && valueAt(root, path) === undefined) {
    return at({ code: "file.missingKey", params: { key: String(path[path.length - 1]) } });
  }
  switch (issue.code) {
    case "unrecognized_keys": {
      const known = knownKeysAt(schema, path);
      return issue.keys.map((key) => ({
        message: { code: "file.unknownKey", params: { key, suggestion: closestMatch(key, known), known } },
        path: [...path, key],
        anchor: "key",
      }));
    }
    case "invalid_type":
      return at({
        code: "file.wrongType",
        params: { types: [issue.expected], values: [], found, suggestion: null },
      });
    case "invalid_value": {
      if (path.length === 1 && path[0] === "version" && found.kind === "number") {
        return at({ code: "file.unsupportedVersion", params: { version: found.value } });
      }
      const values = asAllowed(issue.values);
      return at({
        code: "file.notAllowed",
        params: { types: [], values, found, suggestion: suggest(found, values) },
      });
    }
    case "invalid_union":
      return describeUnion(issue, path, root, schema, found);
    case "too_small":
    case "too_big": {
      const small = issue.code === "too_small";
      const limit = Number(small ? issue.minimum : issue.maximum);
      const value = valueAt(root, path);
      if (Array.isArray(value)) {
        const params = { limit, exact: issue.exact === true, count: value.length };
        return at(small ? { code: "file.tooFewItems", params } : { code: "file.tooManyItems", params });
      }
      const params = { limit, inclusive: issue.inclusive !== false, found };
      return at(small ? { code: "file.tooSmall", params } : { code: "file.tooBig", params });
    }
    default:
      return at({ code: "file.invalid", params: undefined });
  }
}

/**
 * A union fails in every branch. A branch whose type fitted (a mapping where a mapping
 * was allowed) failed for a reason inside it: report that reason. When no branch fitted,
 * list everything that would have.
 */
function describeUnion(
  issue: core.$ZodIssueInvalidUnion,
  path: PathSegment[],
  root: unknown,
  schema: z.ZodType,
  found: Found,
): SchemaProblem[] {
  const fitting = issue.errors.filter((branch) => branch.length > 0 && !branch.some(isRootTypeMismatch));
  if (fitting.length > 0) {
    const closest = fitting.reduce((a, b) => (b.length < a.length ? b : a));
    return closest.flatMap((inner) => describeIssue(inner, path, root, schema));
  }
  const types: string[] = [];
  const values: Allowed[] = [];
  for (const inner of issue.errors.flat().filter(isRootTypeMismatch)) {
    if (inner.code === "invalid_type") types.push(inner.expected);
    if (inner.code === "invalid_value") values.push(...asAllowed(inner.values));
  }
  if (types.length === 0 && values.length === 0)
    return [{ message: { code: "file.invalid", params: undefined }, path, anchor: "value" }];
  const params = { types, values, found, suggestion: suggest(found, values) };
  return [
    {
      message: { code: values.length > 0 ? "file.notAllowed" : "file.wrongType", params },
      path,
      anchor: "value",
    },
  ];
}
