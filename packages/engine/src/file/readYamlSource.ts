import {
  type Document,
  isAlias,
  isMap,
  isNode,
  isScalar,
  isSeq,
  LineCounter,
  type Node,
  parseDocument,
  type YAMLError,
} from "yaml";
import { fileMessageError, type KpiFileError } from "./kpiFileError.js";
import { formatPath, keyText, type PathSegment, positionOf, type YamlSource } from "./locateIssue.js";
import type { FileMessage } from "./messages.js";

export type KpiFileFormat = "yaml" | "json";

/**
 * Parses the text as YAML (JSON is read the same way: YAML 1.2 contains it, so JSON gets
 * lines and columns too) and reports what makes it unreadable: syntax, duplicate keys,
 * aliases to nothing, an empty file.
 */
export function readYamlSource(
  text: string,
  options: { format: KpiFileFormat; file: string | undefined },
): { source: YamlSource; errors: KpiFileError[] } {
  const lineCounter = new LineCounter();
  // The core schema, whatever a %YAML directive says: under YAML 1.1, 2026-04-15 would
  // become a Date and `no` a boolean, and period ids must stay text.
  const doc = parseDocument(text, {
    lineCounter,
    prettyErrors: false,
    uniqueKeys: false,
    schema: "core",
    version: "1.2",
  });
  const source: YamlSource = { text, doc, lineCounter };
  const errorAt = (message: FileMessage, offset: number, path: readonly PathSegment[] = []) =>
    fileMessageError(message, { path: formatPath(path), at: positionOf(source, offset), file: options.file });

  // After the first syntax error the parser is guessing, and what it reports next is
  // mostly the same mistake seen again: show the first only.
  const first = doc.errors.reduce<YAMLError | null>(
    (a, b) => (a === null || b.pos[0] < a.pos[0] ? b : a),
    null,
  );
  if (first) return { source, errors: [errorAt(syntaxMessage(first, options.format), first.pos[0])] };

  const errors: KpiFileError[] = [];
  if (isNode(doc.contents)) {
    checkKeysAndAliases(doc, doc.contents, [], (message, node, path) =>
      errors.push(errorAt(message, node.range?.[0] ?? 0, path)),
    );
  }
  const empty = doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null);
  if (errors.length === 0 && empty) errors.push(errorAt({ code: "file.empty", params: undefined }, 0));
  return { source, errors };
}

type Report = (message: FileMessage, node: Node, path: PathSegment[]) => void;

/**
 * What the YAML parser accepts but a plan cannot: a key twice in one mapping (which value
 * counts?) and an alias with no anchor before it.
 */
function checkKeysAndAliases(doc: Document, node: Node, path: PathSegment[], report: Report): void {
  if (isAlias(node)) {
    if (!node.resolve(doc)) report({ code: "file.unknownAlias", params: { name: node.source } }, node, path);
  } else if (isMap(node)) {
    const seen = new Set<string>();
    for (const pair of node.items) {
      const key = keyText(pair.key);
      if (seen.has(key) && isNode(pair.key))
        report({ code: "file.duplicateKey", params: { key } }, pair.key, [...path, key]);
      seen.add(key);
      if (isNode(pair.value)) checkKeysAndAliases(doc, pair.value, [...path, key], report);
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, i) => {
      if (isNode(item)) checkKeysAndAliases(doc, item, [...path, i], report);
    });
  }
}

function syntaxMessage(error: YAMLError, format: KpiFileFormat): FileMessage {
  switch (error.code) {
    case "TAB_AS_INDENT":
      return { code: "file.tabIndent", params: undefined };
    case "MULTIPLE_DOCS":
      return { code: "file.multipleDocuments", params: undefined };
    default:
      return {
        code: "file.syntax",
        params: { format: format === "json" ? "JSON" : "YAML", detail: error.message },
      };
  }
}
