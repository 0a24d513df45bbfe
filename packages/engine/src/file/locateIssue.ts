import { type Document, isAlias, isMap, isNode, isScalar, isSeq, type LineCounter, type Node } from "yaml";
import type { SourcePosition } from "./kpiFileError.js";

export type PathSegment = string | number;

/** A parsed file together with what is needed to turn offsets back into lines. */
export interface YamlSource {
  text: string;
  doc: Document;
  lineCounter: LineCounter;
}

/** Point at the key that names a value (an unknown key, a target's period) or at the value itself. */
export type Anchor = "key" | "value";

const PLAIN_KEY = /^[\p{L}\p{N}_-]+$/u;

/** `["nodes", 3, "targets", "FY2026-Q1"]` → `nodes[3].targets.FY2026-Q1`. */
export function formatPath(path: readonly PathSegment[]): string {
  let out = "";
  for (const segment of path) {
    if (typeof segment === "number") out += `[${segment}]`;
    else if (PLAIN_KEY.test(segment)) out += out === "" ? segment : `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}

export function keyText(key: unknown): string {
  if (isScalar(key)) return String(key.value);
  return String(key);
}

interface Found {
  /** The deepest node the path reached; the whole path when `complete`. */
  node: Node | null;
  /** The key naming `node`, when it was reached through a mapping. */
  key: Node | null;
  complete: boolean;
}

function follow(source: YamlSource, path: readonly PathSegment[]): Found {
  let node: Node | null = isNode(source.doc.contents) ? source.doc.contents : null;
  let key: Node | null = null;
  for (const [depth, segment] of path.entries()) {
    const current = isAlias(node) ? (node.resolve(source.doc) ?? null) : node;
    let next: unknown;
    let nextKey: Node | null = null;
    if (isMap(current)) {
      // The last pair wins, as in the value the schema saw.
      const pair = current.items.findLast((p) => keyText(p.key) === String(segment));
      if (!pair) return { node: current, key, complete: false };
      next = pair.value;
      nextKey = isNode(pair.key) ? pair.key : null;
    } else if (isSeq(current) && typeof segment === "number" && segment < current.items.length) {
      next = current.items[segment];
    } else {
      return { node: current, key, complete: false };
    }
    if (!isNode(next)) {
      const last = depth === path.length - 1;
      return { node: nextKey ?? current, key: nextKey, complete: last && nextKey !== null };
    }
    node = next;
    key = nextKey;
  }
  return { node, key, complete: true };
}

function start(node: Node | null): number | undefined {
  return node?.range?.[0];
}

/** An empty value (`parent:` with nothing after it) has no text of its own to point at. */
function isEmptyValue(source: YamlSource, node: Node | null): boolean {
  if (!isScalar(node) || node.value !== null || !node.range) return false;
  return source.text.slice(node.range[0], node.range[1]).trim() === "";
}

/**
 * Where `offset` characters into a string value start in the file, when the value is
 * written on one line as it is (plain) or between quotes with no escapes in it; else
 * the value's own start.
 */
function offsetInside(source: YamlSource, node: Node, offset: number): number {
  const begin = node.range![0];
  if (!isScalar(node) || typeof node.value !== "string" || node.value.includes("\n")) return begin;
  const written = source.text.slice(begin, node.range![1]);
  if (written === node.value) return begin + offset;
  if (written === `"${node.value}"` || written === `'${node.value}'`) return begin + 1 + offset;
  return begin;
}

/**
 * The line and column of a path in the file. A path that does not exist (a missing key)
 * points at the mapping that should hold it.
 */
export function locatePath(
  source: YamlSource,
  path: readonly PathSegment[],
  options: { anchor?: Anchor; offset?: number } = {},
): SourcePosition {
  const { node, key, complete } = follow(source, path);
  let at: number | undefined;
  if (complete && (options.anchor === "key" || isEmptyValue(source, node))) at = start(key) ?? start(node);
  else if (complete && options.offset !== undefined && node?.range)
    at = offsetInside(source, node, options.offset);
  else at = start(node) ?? start(key);
  return positionOf(source, at ?? 0);
}

export function positionOf(source: YamlSource, offset: number): SourcePosition {
  const { line, col } = source.lineCounter.linePos(offset);
  return { line, column: col };
}
