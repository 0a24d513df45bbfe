import type { ShihyoError } from "../errors.js";
import { formulaError } from "./formulaError.js";

export type FormulaSymbol =
  | "+"
  | "-"
  | "*"
  | "/"
  | "^"
  | "("
  | ")"
  | ","
  | "<"
  | "<="
  | ">"
  | ">="
  | "=="
  | "!=";

export type Token =
  | { readonly kind: "number"; readonly value: number; readonly start: number; readonly end: number }
  | { readonly kind: "name"; readonly text: string; readonly start: number; readonly end: number }
  | { readonly kind: "symbol"; readonly text: FormulaSymbol; readonly start: number; readonly end: number }
  | { readonly kind: "end"; readonly start: number; readonly end: number };

const TWO_CHAR_SYMBOLS: ReadonlySet<string> = new Set(["<=", ">=", "==", "!="]);
const ONE_CHAR_SYMBOLS: ReadonlySet<string> = new Set(["+", "-", "*", "/", "^", "(", ")", ",", "<", ">"]);

// No-break space is here because formulas get pasted from web pages and spreadsheets.
const WHITESPACE: ReadonlySet<string> = new Set([" ", "\t", "\n", "\r", "\u3000", "\u00a0"]);

/** Look-alikes typed by habit (Excel, a Japanese IME, a word processor) and what to write instead. */
const LOOK_ALIKES: ReadonlyMap<string, string> = new Map([
  ["=", "=="],
  ["!", "!="],
  ["<>", "!="],
  ["**", "^"],
  ["×", "*"],
  ["÷", "/"],
  ["−", "-"],
  ["–", "-"],
  ["—", "-"],
  ["≤", "<="],
  ["≦", "<="],
  ["≥", ">="],
  ["≧", ">="],
  ["≠", "!="],
  ["・", "*"],
]);

function isDigit(char: string | undefined): boolean {
  return char !== undefined && char >= "0" && char <= "9";
}

function isNameStart(char: string | undefined): boolean {
  return char !== undefined && ((char >= "a" && char <= "z") || (char >= "A" && char <= "Z") || char === "_");
}

function isNamePart(char: string | undefined): boolean {
  return isNameStart(char) || isDigit(char);
}

/** Splits formula text into tokens; the last token is always `end`. */
export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const char = source[i]!;
    if (WHITESPACE.has(char)) {
      i++;
      continue;
    }
    if (isDigit(char) || (char === "." && isDigit(source[i + 1]))) {
      const end = scanNumber(source, i);
      tokens.push({ kind: "number", value: numberValue(source, i, end), start: i, end });
      i = end;
      continue;
    }
    if (isNameStart(char)) {
      let end = i + 1;
      while (isNamePart(source[end])) end++;
      tokens.push({ kind: "name", text: source.slice(i, end), start: i, end });
      i = end;
      continue;
    }
    const pair = source.slice(i, i + 2);
    if (TWO_CHAR_SYMBOLS.has(pair)) {
      tokens.push({ kind: "symbol", text: pair as FormulaSymbol, start: i, end: i + 2 });
      i += 2;
      continue;
    }
    if (LOOK_ALIKES.has(pair)) throw unexpectedChar(pair, i);
    if (ONE_CHAR_SYMBOLS.has(char)) {
      tokens.push({ kind: "symbol", text: char as FormulaSymbol, start: i, end: i + 1 });
      i++;
      continue;
    }
    throw unexpectedChar(String.fromCodePoint(source.codePointAt(i)!), i);
  }
  tokens.push({ kind: "end", start: source.length, end: source.length });
  return tokens;
}

/**
 * Digits with `_` allowed between two digits (`30_000_000`), an optional fraction that must
 * have digits (`.5` and `0.5`, not `5.`), and an optional exponent (`1e6`, `2.5E-3`, `1e+21`,
 * which is how JavaScript prints large numbers, so formatted formulas read back).
 */
function scanNumber(source: string, start: number): number {
  let i = scanDigits(source, start, start);
  if (source[i] === ".") {
    if (!isDigit(source[i + 1])) throw badNumber(source, start, i + 1);
    i = scanDigits(source, start, i + 1);
  }
  if (source[i] === "e" || source[i] === "E") {
    let j = i + 1;
    if (source[j] === "+" || source[j] === "-") j++;
    if (!isDigit(source[j])) throw badNumber(source, start, j);
    i = scanDigits(source, start, j);
  }
  return i;
}

function scanDigits(source: string, numberStart: number, from: number): number {
  let i = from;
  while (true) {
    if (isDigit(source[i])) i++;
    else if (source[i] === "_" && isDigit(source[i - 1])) {
      if (!isDigit(source[i + 1])) throw badNumber(source, numberStart, i + 1);
      i++;
    } else return i;
  }
}

function numberValue(source: string, start: number, end: number): number {
  const text = source.slice(start, end);
  const value = Number(text.replaceAll("_", ""));
  if (!Number.isFinite(value)) {
    throw formulaError("formula.numberTooLarge", { text }, { offset: start, length: end - start });
  }
  return value;
}

function badNumber(source: string, start: number, end: number): ShihyoError {
  return formulaError(
    "formula.badNumber",
    { text: source.slice(start, end) },
    { offset: start, length: end - start },
  );
}

function unexpectedChar(char: string, offset: number): ShihyoError {
  const hint = char === "%" || char === "％" ? "percent" : /\p{L}/u.test(char) ? "letter" : null;
  return formulaError(
    "formula.unexpectedChar",
    { char, suggestion: hint === "percent" ? null : suggestionFor(char), hint },
    { offset, length: char.length },
  );
}

/** Full-width forms (U+FF01–FF5E) are ASCII typed with a Japanese IME still on. */
function suggestionFor(char: string): string | null {
  const known = LOOK_ALIKES.get(char);
  if (known !== undefined) return known;
  const code = char.codePointAt(0)!;
  if (code < 0xff01 || code > 0xff5e) return null;
  const ascii = String.fromCharCode(code - 0xfee0);
  const viaAscii = LOOK_ALIKES.get(ascii);
  if (viaAscii !== undefined) return viaAscii;
  if (isNamePart(ascii) || isDigit(ascii) || ONE_CHAR_SYMBOLS.has(ascii) || ascii === ".") return ascii;
  return null;
}
