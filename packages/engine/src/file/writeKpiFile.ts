import { Document, isCollection, parse, Scalar, stringify, visit } from "yaml";
import type { LintConfig, LintRuleSetting, Plan, PlanNode, Target } from "../model/types.js";
import { calendarSchema, measurementSchema, nodeSchema, targetObjectSchema } from "./kpiFileSchema.js";

// Key orders come from the schema, which lists fields in the documented order.
const CALENDAR_KEYS = Object.keys(calendarSchema.shape);
const NODE_KEYS = Object.keys(nodeSchema.shape);
const TARGET_KEYS = Object.keys(targetObjectSchema.shape);
const DATA_KEYS = Object.keys(measurementSchema.shape);

/** Longest flow collection (`{ FY2026-Q1: 100, ... }`) kept on one line. */
const MAX_FLOW_LENGTH = 72;

type Shape = Record<string, unknown>;

/** The plan as a KPI file in YAML, in the documented key order, ready to commit. */
export function writeKpiFile(plan: Plan): string {
  const shape = fileShape(plan);
  const doc = new Document(shape);
  plan.nodes.forEach((node, i) => {
    flowIfShort(doc, ["nodes", i, "range"]);
    flowIfShort(doc, ["nodes", i, "tags"]);
    if (!flowIfShort(doc, ["nodes", i, "targets"])) {
      for (const period of Object.keys(node.targets ?? {})) flowIfShort(doc, ["nodes", i, "targets", period]);
    }
  });
  if (!flowIfShort(doc, ["lint", "rules"])) {
    for (const rule of Object.keys(plan.lint?.rules ?? {})) flowIfShort(doc, ["lint", "rules", rule]);
  }
  for (const i of (plan.data ?? []).keys()) flowIfShort(doc, ["data", i]);
  visit(doc, {
    Scalar(_, node) {
      if (typeof node.value !== "string") return;
      if (readsAsNonText(node.value) || hasBlankLineOfSpaces(node.value)) node.type = Scalar.QUOTE_DOUBLE;
    },
  });
  return doc.toString({ lineWidth: 0 });
}

/** The plan as a KPI file in JSON, with the same keys and shorthands as the YAML. */
export function writeKpiFileJson(plan: Plan): string {
  return `${JSON.stringify(fileShape(plan), null, 2)}\n`;
}

function fileShape(plan: Plan): Shape {
  const shape: Shape = { version: plan.version, name: plan.name };
  if (plan.calendar) shape.calendar = pick(plan.calendar, CALENDAR_KEYS);
  shape.nodes = plan.nodes.map(nodeShape);
  if (plan.lint) shape.lint = lintShape(plan.lint);
  if (plan.data) shape.data = plan.data.map((m) => pick(m, DATA_KEYS));
  return withoutNegativeZero(shape) as Shape;
}

/** JSON cannot write -0, and no KPI means anything by it: both formats write 0. */
function withoutNegativeZero(value: unknown): unknown {
  if (typeof value === "number") return value === 0 ? 0 : value;
  if (Array.isArray(value)) return value.map(withoutNegativeZero);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withoutNegativeZero(v)]));
  }
  return value;
}

function nodeShape(node: PlanNode): Shape {
  const shape = pick(node, NODE_KEYS);
  if (node.targets) {
    shape.targets = Object.fromEntries(
      Object.entries(node.targets).map(([period, target]) => [period, targetShape(target)]),
    );
  }
  return shape;
}

/** A target with nothing but a value is written as the bare number, as people write it. */
function targetShape(target: Target): number | Shape {
  const shape = pick(target, TARGET_KEYS);
  return Object.keys(shape).length === 1 && "value" in shape ? target.value : shape;
}

function lintShape(lint: LintConfig): Shape {
  if (!lint.rules) return {};
  const rules = Object.entries(lint.rules).map(([id, setting]): [string, unknown] => [
    id,
    ruleShape(setting),
  ]);
  return { rules: Object.fromEntries(rules) };
}

function ruleShape(setting: LintRuleSetting): unknown {
  if (typeof setting === "string") return setting;
  const { severity, ...options } = setting;
  return pick({ severity, ...options }, ["severity", ...Object.keys(options)]);
}

function pick(object: object, keys: readonly string[]): Shape {
  const shape: Shape = {};
  for (const key of keys) {
    const value = (object as Shape)[key];
    if (value !== undefined) shape[key] = value;
  }
  return shape;
}

/** Turns the collection at `path` into flow style when it fits on a short line. */
function flowIfShort(doc: Document, path: readonly (string | number)[]): boolean {
  const node = doc.getIn(path, true);
  if (!isCollection(node)) return false;
  const value: unknown = node.toJSON();
  if (hasMultilineText(value)) return false;
  const text = stringify(value, { collectionStyle: "flow", lineWidth: 0 }).trimEnd();
  if (text.includes("\n") || text.length > MAX_FLOW_LENGTH) return false;
  node.flow = true;
  return true;
}

function hasMultilineText(value: unknown): boolean {
  if (typeof value === "string") return value.includes("\n");
  if (value !== null && typeof value === "object") return Object.values(value).some(hasMultilineText);
  return false;
}

/**
 * A line of nothing but spaces in a block scalar (`|`) reads back as an empty line, so
 * text with one is written in double quotes, where every space is kept.
 */
function hasBlankLineOfSpaces(text: string): boolean {
  return text.includes("\n") && /(^|\n)[ \t]+(\n|$)/.test(text);
}

/** Nulls, booleans, numbers and dates all start like this in YAML 1.1 or 1.2; parsing decides. */
const MAYBE_NON_TEXT = /^(?:$|[-+.~0-9]|(?:y|n|yes|no|true|false|on|off|null)$)/i;

/**
 * Whether a string, written plain, would be read back as something else by some YAML
 * reader: `2026-04-15` is a date and `yes` a boolean to YAML 1.1 tools, `123` a number to
 * all. Such strings are quoted so that every reader sees text.
 */
function readsAsNonText(text: string): boolean {
  if (text.includes("\n") || !MAYBE_NON_TEXT.test(text)) return false;
  for (const schema of ["core", "yaml-1.1"] as const) {
    try {
      if (typeof parse(text, { schema, logLevel: "silent" }) !== "string") return true;
    } catch {
      return true;
    }
  }
  return false;
}
