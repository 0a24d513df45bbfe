import type { Lang } from "../i18n/lang.js";
import { defineMessages } from "../i18n/messages.js";

/** What the file holds where something else was expected, as a message shows it. */
export type Found =
  | { kind: "nothing" }
  | { kind: "text"; value: string }
  | { kind: "number"; value: number }
  | { kind: "boolean"; value: boolean }
  | { kind: "list" }
  | { kind: "mapping" };

/** A value the schema allows, as a message lists it. */
export type Allowed = string | number | boolean | null;

type Expectation = { types: string[]; values: Allowed[]; found: Found; suggestion: string | null };
type Key = { key: string };
type Bound = { limit: number; inclusive: boolean; found: Found };
type Count = { limit: number; exact: boolean; count: number };

const MAX_SHOWN = 40;

function shorten(text: string): string {
  const oneLine = text.replace(/\r?\n/g, "⏎");
  return oneLine.length > MAX_SHOWN ? `${oneLine.slice(0, MAX_SHOWN)}…` : oneLine;
}

const TYPE_NAMES: Record<Lang, Record<string, string>> = {
  en: {
    string: "text",
    number: "a number",
    int: "a whole number",
    boolean: "true or false",
    array: "a list",
    tuple: "a list",
    object: "a mapping (key: value)",
    record: "a mapping (key: value)",
  },
  ja: {
    string: "文字列",
    number: "数値",
    int: "整数",
    boolean: "true か false",
    array: "リスト",
    tuple: "リスト",
    object: "マッピング（キー: 値）",
    record: "マッピング（キー: 値）",
  },
};

function typeName(type: string, lang: Lang): string {
  return TYPE_NAMES[lang][type] ?? type;
}

function showAllowed(value: Allowed, lang: Lang): string {
  if (typeof value !== "string") return String(value);
  return lang === "ja" ? `「${value}」` : `"${value}"`;
}

function foundEn(found: Found): string {
  switch (found.kind) {
    case "nothing":
      return "an empty value";
    case "text":
      return `the text "${shorten(found.value)}"`;
    case "number":
      return `the number ${found.value}`;
    case "boolean":
      return `${found.value}`;
    case "list":
      return "a list";
    case "mapping":
      return "a mapping";
  }
}

function foundJa(found: Found): string {
  switch (found.kind) {
    case "nothing":
      return "空の値";
    case "text":
      return `文字列「${shorten(found.value)}」`;
    case "number":
      return `数値 ${found.value}`;
    case "boolean":
      return `${found.value}`;
    case "list":
      return "リスト";
    case "mapping":
      return "マッピング";
  }
}

function orList(items: string[], lang: Lang): string {
  if (lang === "ja") return items.join("、");
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} or ${items[items.length - 1]}`;
}

function expectedEn({ types, values }: Expectation): string {
  const choices = [...values.map((v) => showAllowed(v, "en")), ...types.map((t) => typeName(t, "en"))];
  return values.length > 1 || (values.length === 1 && types.length > 0)
    ? `one of ${orList(choices, "en")}`
    : orList(choices, "en");
}

function expectedJa({ types, values }: Expectation): string {
  const choices = [...values.map((v) => showAllowed(v, "ja")), ...types.map((t) => typeName(t, "ja"))];
  return choices.length > 1 ? `${orList(choices, "ja")}のいずれか` : orList(choices, "ja");
}

const didYouMeanEn = (s: string | null) => (s ? ` Did you mean "${s}"?` : "");
const didYouMeanJa = (s: string | null) => (s ? `「${s}」の誤りではありませんか？` : "");

export const fileMessages = defineMessages({
  en: {
    "file.empty": () => `The file is empty. A KPI file needs at least "version: 1", "name" and "nodes".`,
    "file.syntax": ({ format, detail }: { format: string; detail: string }) =>
      `The file is not valid ${format}. The parser says: ${detail}`,
    "file.tabIndent": () => `YAML does not allow tabs for indentation. Indent with spaces instead.`,
    "file.multipleDocuments": () =>
      `The file holds more than one YAML document (separated by "---"). A KPI file is a single document.`,
    "file.duplicateKey": ({ key }: Key) =>
      `The key "${key}" appears more than once in the same mapping. Keep only one.`,
    "file.unknownKey": ({ key, suggestion, known }: Key & { suggestion: string | null; known: string[] }) =>
      suggestion
        ? `Unknown key "${key}" — did you mean "${suggestion}"?`
        : `Unknown key "${key}". The keys allowed here are: ${known.join(", ")}.`,
    "file.missingKey": ({ key }: Key) => `The required key "${key}" is missing.`,
    "file.wrongType": (e: Expectation) => `Expected ${expectedEn(e)}, but found ${foundEn(e.found)}.`,
    "file.notAllowed": (e: Expectation) =>
      `Expected ${expectedEn(e)}, but found ${foundEn(e.found)}.${didYouMeanEn(e.suggestion)}`,
    "file.unsupportedVersion": ({ version }: { version: number }) =>
      `This file is version ${version}, but this version of Shihyo reads version 1 only.`,
    "file.tooSmall": ({ limit, inclusive, found }: Bound) =>
      `The value must be ${inclusive ? "at least" : "greater than"} ${limit}, but it is ${foundEn(found)}.`,
    "file.tooBig": ({ limit, inclusive, found }: Bound) =>
      `The value must be ${inclusive ? "at most" : "less than"} ${limit}, but it is ${foundEn(found)}.`,
    "file.tooFewItems": ({ limit, exact, count }: Count) =>
      `The list needs ${exact ? "exactly" : "at least"} ${limit} items, but has ${count}.`,
    "file.tooManyItems": ({ limit, exact, count }: Count) =>
      `The list needs ${exact ? "exactly" : "at most"} ${limit} items, but has ${count}.`,
    "file.unknownAlias": ({ name }: { name: string }) =>
      `The alias "*${name}" refers to no anchor "&${name}" written before it.`,
    "file.invalid": () => `This value is not valid here.`,
    "file.unexpected": ({ detail }: { detail: string }) =>
      `The file could not be read because of an internal error: ${detail}. Please report this.`,
  },
  ja: {
    "file.empty": () =>
      `ファイルが空です。KPIファイルには少なくとも「version: 1」「name」「nodes」が必要です。`,
    "file.syntax": ({ format, detail }: { format: string; detail: string }) =>
      `${format} として正しく読めません（パーサーのメッセージ: ${detail}）。`,
    "file.tabIndent": () => `YAMLではタブで字下げできません。スペースで字下げしてください。`,
    "file.multipleDocuments": () =>
      `ファイルに複数のYAMLドキュメント（「---」で区切られたもの）があります。KPIファイルは1つのドキュメントにしてください。`,
    "file.duplicateKey": ({ key }: Key) =>
      `キー「${key}」が同じマッピングの中に複数あります。1つにしてください。`,
    "file.unknownKey": ({ key, suggestion, known }: Key & { suggestion: string | null; known: string[] }) =>
      suggestion
        ? `「${key}」というキーはありません。「${suggestion}」の誤りではありませんか？`
        : `「${key}」というキーはありません。ここで使えるキーは ${known.join(", ")} です。`,
    "file.missingKey": ({ key }: Key) => `必須のキー「${key}」がありません。`,
    "file.wrongType": (e: Expectation) =>
      `ここには${expectedJa(e)}を書いてください（書かれているのは${foundJa(e.found)}）。`,
    "file.notAllowed": (e: Expectation) =>
      `ここには${expectedJa(e)}を書いてください（書かれているのは${foundJa(e.found)}）。${didYouMeanJa(e.suggestion)}`,
    "file.unsupportedVersion": ({ version }: { version: number }) =>
      `このファイルはバージョン ${version} ですが、このバージョンの Shihyo が読めるのはバージョン 1 だけです。`,
    "file.tooSmall": ({ limit, inclusive, found }: Bound) =>
      `値は ${limit} ${inclusive ? "以上" : "より大きい数"}にしてください（書かれているのは${foundJa(found)}）。`,
    "file.tooBig": ({ limit, inclusive, found }: Bound) =>
      `値は ${limit} ${inclusive ? "以下" : "未満"}にしてください（書かれているのは${foundJa(found)}）。`,
    "file.tooFewItems": ({ limit, exact, count }: Count) =>
      `要素は${exact ? "ちょうど" : "少なくとも"} ${limit} 個必要ですが、${count} 個しかありません。`,
    "file.tooManyItems": ({ limit, exact, count }: Count) =>
      `要素は${exact ? "ちょうど" : "多くても"} ${limit} 個にしてください（${count} 個あります）。`,
    "file.unknownAlias": ({ name }: { name: string }) =>
      `エイリアス「*${name}」が参照するアンカー「&${name}」が、それより前にありません。`,
    "file.invalid": () => `この値はここでは使えません。`,
    "file.unexpected": ({ detail }: { detail: string }) =>
      `内部エラーのためファイルを読めませんでした（${detail}）。不具合として報告してください。`,
  },
});

export type FileMessageCode = keyof typeof fileMessages.en;

export type FileMessageParams<C extends FileMessageCode> = Parameters<(typeof fileMessages.en)[C]>[0];

/** A message with its parameters, checked together so a code never meets the wrong parameters. */
export type FileMessage = {
  [C in FileMessageCode]: { code: C; params: FileMessageParams<C> };
}[FileMessageCode];

export function renderFileMessage(message: FileMessage, lang: Lang): string {
  return (fileMessages[lang][message.code] as (p: FileMessage["params"]) => string)(message.params);
}
