import { defineMessages } from "../i18n/messages.js";

/** What the parser wanted where it found something else (or nothing). */
export type ExpectedToken = "expression" | "operator" | "closeParen" | "commaOrCloseParen";

/** Extra advice for a character that cannot appear in a formula. */
export type CharHint = "percent" | "letter" | null;

const FUNCTION_LIST = "min, max, abs, round, if";
const FUNCTION_LIST_JA = "min、max、abs、round、if";

function argumentsEn(count: number): string {
  return count === 1 ? "1 argument" : `${count} arguments`;
}

function arityEn(min: number, max: number | null): string {
  if (max === null) return `at least ${argumentsEn(min)}`;
  if (min === max) return argumentsEn(min);
  return `${min} or ${argumentsEn(max)}`;
}

function arityJa(min: number, max: number | null): string {
  if (max === null) return `${min} 個以上`;
  if (min === max) return `${min} 個`;
  return `${min} 個か ${max} 個`;
}

export const formulaMessages = defineMessages({
  en: {
    "formula.empty": (_: Record<string, never>): string =>
      "The formula is empty: write an expression such as visitors * cvr.",
    "formula.unexpectedChar": (p: { char: string; suggestion: string | null; hint: CharHint }) => {
      if (p.hint === "percent") return `A formula has no "%": write a rate as a decimal (0.2 for 20 %).`;
      if (p.suggestion !== null)
        return `"${p.char}" cannot be used in a formula: write "${p.suggestion}" instead.`;
      if (p.hint === "letter")
        return `"${p.char}" cannot be used in a formula: refer to other nodes by their id (lower-case letters, digits and "_").`;
      return `"${p.char}" cannot be used in a formula.`;
    },
    "formula.badNumber": (p: { text: string }) =>
      `"${p.text}" is not a number: write digits with an optional decimal point and exponent, such as 1500, 0.25 or 1e6.`,
    "formula.numberTooLarge": (p: { text: string }) => `"${p.text}" is too large to be a number.`,
    "formula.invalidId": (p: { text: string; suggestion: string | null }) =>
      p.suggestion === null
        ? `"${p.text}" is not a node id: ids start with a lower-case letter and use only lower-case letters, digits and "_".`
        : `"${p.text}" is not a node id: ids use only lower-case letters, digits and "_". Did you mean "${p.suggestion}"?`,
    "formula.unexpectedEnd": (p: { expected: ExpectedToken }): string => {
      switch (p.expected) {
        case "closeParen":
          return `The formula ends before the "(" is closed with ")".`;
        case "commaOrCloseParen":
          return `The formula ends before the function's arguments are closed with ")".`;
        default:
          return "The formula ends where a value is expected.";
      }
    },
    "formula.expectedToken": (p: { expected: ExpectedToken; found: string }) => {
      switch (p.expected) {
        case "operator":
          return `An operator such as "+" or "*" is missing before "${p.found}".`;
        case "closeParen":
          return `Expected ")" here, but found "${p.found}".`;
        case "commaOrCloseParen":
          return `Expected "," or ")" here, but found "${p.found}".`;
        default:
          return `Expected a value here, but found "${p.found}".`;
      }
    },
    "formula.unmatchedParen": (_: Record<string, never>): string => `This ")" has no matching "(".`,
    "formula.chainedComparison": (p: { first: string; second: string }) =>
      `Comparisons cannot be chained ("${p.first}" then "${p.second}"): compare two values at a time, e.g. if(a < b, b < c, 0).`,
    "formula.unknownFunction": (p: { name: string; suggestion: string | null }) =>
      p.suggestion === null
        ? `There is no function "${p.name}"; the functions are ${FUNCTION_LIST}.`
        : `There is no function "${p.name}". Did you mean "${p.suggestion}"?`,
    "formula.functionWithoutCall": (p: { name: string }) =>
      `"${p.name}" is a function, not a node id: call it as ${p.name}(…).`,
    "formula.arity": (p: { name: string; min: number; max: number | null; got: number }) =>
      `${p.name}() takes ${arityEn(p.min, p.max)}, but was given ${p.got}.`,
    "formula.tooDeep": (p: { limit: number }) =>
      `The formula is nested too deeply: at most ${p.limit} levels are allowed.`,
    "formula.unknownId": (p: { id: string; suggestion: string | null }) =>
      p.suggestion === null
        ? `There is no node "${p.id}".`
        : `There is no node "${p.id}". Did you mean "${p.suggestion}"?`,
    "formula.cycle": (p: { cycle: readonly string[]; path: string }) =>
      `These formulas depend on each other in a circle: ${p.path}.`,
  },
  ja: {
    "formula.empty": () => "式が空です。visitors * cvr のような式を書いてください。",
    "formula.unexpectedChar": (p) => {
      if (p.hint === "percent")
        return "式では「%」は使えません。割合は小数で書いてください（20 % なら 0.2）。";
      if (p.suggestion !== null)
        return `式に「${p.char}」は使えません。「${p.suggestion}」と書いてください。`;
      if (p.hint === "letter")
        return `式に「${p.char}」は使えません。他のノードは id（英小文字・数字・「_」）で参照してください。`;
      return `式に「${p.char}」は使えません。`;
    },
    "formula.badNumber": (p) =>
      `「${p.text}」は数値として読めません。1500、0.25、1e6 のように書いてください。`,
    "formula.numberTooLarge": (p) => `「${p.text}」は数値として大きすぎます。`,
    "formula.invalidId": (p) =>
      p.suggestion === null
        ? `「${p.text}」は id ではありません。id は英小文字で始まり、英小文字・数字・「_」だけで書きます。`
        : `「${p.text}」は id ではありません。id は英小文字・数字・「_」だけで書きます。「${p.suggestion}」のことですか？`,
    "formula.unexpectedEnd": (p) => {
      switch (p.expected) {
        case "closeParen":
          return "「(」を閉じる「)」がないまま式が終わっています。";
        case "commaOrCloseParen":
          return "関数の引数を閉じる「)」がないまま式が終わっています。";
        default:
          return "値が来るべきところで式が終わっています。";
      }
    },
    "formula.expectedToken": (p) => {
      switch (p.expected) {
        case "operator":
          return `「${p.found}」の前に「+」や「*」などの演算子が必要です。`;
        case "closeParen":
          return `ここには「)」が必要ですが、「${p.found}」があります。`;
        case "commaOrCloseParen":
          return `ここには「,」か「)」が必要ですが、「${p.found}」があります。`;
        default:
          return `ここには値が必要ですが、「${p.found}」があります。`;
      }
    },
    "formula.unmatchedParen": () => "この「)」に対応する「(」がありません。",
    "formula.chainedComparison": (p) =>
      `比較はつなげて書けません（「${p.first}」のあとに「${p.second}」）。一度に比べるのは二つの値です。例: if(a < b, b < c, 0)`,
    "formula.unknownFunction": (p) =>
      p.suggestion === null
        ? `「${p.name}」という関数はありません。使える関数は ${FUNCTION_LIST_JA} です。`
        : `「${p.name}」という関数はありません。「${p.suggestion}」のことですか？`,
    "formula.functionWithoutCall": (p) =>
      `「${p.name}」は関数名なので id としては使えません。${p.name}(…) の形で呼び出してください。`,
    "formula.arity": (p) =>
      `${p.name}() の引数は ${arityJa(p.min, p.max)}ですが、${p.got} 個渡されています。`,
    "formula.tooDeep": (p) => `式の入れ子が深すぎます。${p.limit} 段までにしてください。`,
    "formula.unknownId": (p) =>
      p.suggestion === null
        ? `「${p.id}」というノードはありません。`
        : `「${p.id}」というノードはありません。「${p.suggestion}」のことですか？`,
    "formula.cycle": (p) => `式が互いを参照して循環しています: ${p.path}`,
  },
});

export type FormulaMessageCode = keyof typeof formulaMessages.en;
