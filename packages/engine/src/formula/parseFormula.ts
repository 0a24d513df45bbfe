import { closestMatch } from "../closestMatch.js";
import type { ShihyoError } from "../errors.js";
import {
  type ArithmeticOperator,
  type ComparisonOperator,
  FORMULA_FUNCTION_NAMES,
  FORMULA_FUNCTIONS,
  type FormulaNode,
  formulaChildren,
  isFormulaFunction,
  NODE_ID_PATTERN,
} from "./ast.js";
import { formulaError } from "./formulaError.js";
import { MAX_FORMULA_DEPTH } from "./limits.js";
import type { ExpectedToken } from "./messages.js";
import { type Token, tokenize } from "./tokenize.js";

const COMPARISONS: ReadonlySet<string> = new Set(["<", "<=", ">", ">=", "==", "!="]);

/**
 * Parses formula text. Precedence, loosest first: one comparison (`<` `<=` `>` `>=` `==`
 * `!=`, not chainable); `+ -`; `* /`; unary `-`/`+`; `^` (right-associative, and tighter
 * than unary minus, so `-2^2` is -4 while `2^-1` is 0.5). Throws only ShihyoError, whose
 * location is the offending text.
 */
export function parseFormula(source: string): FormulaNode {
  return new Parser(source, tokenize(source)).parse();
}

class Parser {
  private index = 0;
  /** Recursion taken so far; parentheses and unary chains recurse without adding tree depth. */
  private nesting = 0;
  private readonly depths = new Map<FormulaNode, number>();

  constructor(
    private readonly source: string,
    private readonly tokens: readonly Token[],
  ) {}

  parse(): FormulaNode {
    if (this.peek().kind === "end") throw formulaError("formula.empty", {}, { offset: 0, length: 0 });
    const node = this.comparison();
    const next = this.peek();
    if (next.kind !== "end") {
      if (isSymbol(next, ")")) throw formulaError("formula.unmatchedParen", {}, spanOf(next));
      throw this.expected("operator", next);
    }
    return node;
  }

  private comparison(): FormulaNode {
    const left = this.additive();
    const operator = this.peek();
    if (operator.kind !== "symbol" || !COMPARISONS.has(operator.text)) return left;
    this.index++;
    const right = this.additive();
    const next = this.peek();
    if (next.kind === "symbol" && COMPARISONS.has(next.text)) {
      throw formulaError(
        "formula.chainedComparison",
        { first: operator.text, second: next.text },
        spanOf(next),
      );
    }
    const op = operator.text as ComparisonOperator;
    return this.made({ kind: "comparison", op, left, right, start: left.start, end: right.end }, operator);
  }

  private additive(): FormulaNode {
    let left = this.multiplicative();
    for (
      let operator = this.peek();
      isSymbol(operator, "+") || isSymbol(operator, "-");
      operator = this.peek()
    ) {
      this.index++;
      const right = this.multiplicative();
      const op = operator.text as ArithmeticOperator;
      left = this.made({ kind: "arithmetic", op, left, right, start: left.start, end: right.end }, operator);
    }
    return left;
  }

  private multiplicative(): FormulaNode {
    let left = this.unary();
    for (
      let operator = this.peek();
      isSymbol(operator, "*") || isSymbol(operator, "/");
      operator = this.peek()
    ) {
      this.index++;
      const right = this.unary();
      const op = operator.text as ArithmeticOperator;
      left = this.made({ kind: "arithmetic", op, left, right, start: left.start, end: right.end }, operator);
    }
    return left;
  }

  private unary(): FormulaNode {
    const sign = this.peek();
    if (!isSymbol(sign, "-") && !isSymbol(sign, "+")) return this.power();
    this.index++;
    this.descend(sign);
    const operand = this.unary();
    this.nesting--;
    if (sign.text === "+") return this.respanned(operand, sign.start, operand.end);
    return this.made({ kind: "negate", operand, start: sign.start, end: operand.end }, sign);
  }

  private power(): FormulaNode {
    const base = this.primary();
    const caret = this.peek();
    if (!isSymbol(caret, "^")) return base;
    this.index++;
    this.descend(caret);
    const exponent = this.unary();
    this.nesting--;
    return this.made(
      { kind: "arithmetic", op: "^", left: base, right: exponent, start: base.start, end: exponent.end },
      caret,
    );
  }

  private primary(): FormulaNode {
    const token = this.peek();
    switch (token.kind) {
      case "end":
        throw this.expected("expression", token);
      case "number":
        this.index++;
        return this.made({ kind: "number", value: token.value, start: token.start, end: token.end }, token);
      case "name":
        this.index++;
        if (isSymbol(this.peek(), "(")) return this.call(token);
        return this.reference(token);
      case "symbol": {
        if (token.text !== "(") throw this.expected("expression", token);
        this.index++;
        this.descend(token);
        const inner = this.comparison();
        const close = this.peek();
        if (!isSymbol(close, ")")) throw this.expected("closeParen", close);
        this.index++;
        this.nesting--;
        return this.respanned(inner, token.start, close.end);
      }
    }
  }

  private reference(token: Token & { kind: "name" }): FormulaNode {
    const text = token.text;
    if (isFormulaFunction(text))
      throw formulaError("formula.functionWithoutCall", { name: text }, spanOf(token));
    if (!NODE_ID_PATTERN.test(text)) {
      throw formulaError("formula.invalidId", { text, suggestion: idSuggestion(text) }, spanOf(token));
    }
    return this.made({ kind: "reference", id: text, start: token.start, end: token.end }, token);
  }

  private call(name: Token & { kind: "name" }): FormulaNode {
    const fn = name.text;
    if (!isFormulaFunction(fn)) {
      throw formulaError(
        "formula.unknownFunction",
        { name: fn, suggestion: closestMatch(fn, FORMULA_FUNCTION_NAMES) },
        spanOf(name),
      );
    }
    const open = this.peek();
    this.index++;
    this.descend(open);
    const args: FormulaNode[] = [];
    let close = this.peek();
    while (!isSymbol(close, ")")) {
      args.push(this.comparison());
      close = this.peek();
      if (isSymbol(close, ",")) {
        this.index++;
        close = this.peek();
        if (isSymbol(close, ")")) throw this.expected("expression", close);
      } else if (!isSymbol(close, ")")) throw this.expected("commaOrCloseParen", close);
    }
    this.index++;
    this.nesting--;
    const arity = FORMULA_FUNCTIONS[fn];
    if (args.length < arity.min || (arity.max !== null && args.length > arity.max)) {
      throw formulaError(
        "formula.arity",
        { name: fn, min: arity.min, max: arity.max, got: args.length },
        { offset: name.start, length: close.end - name.start },
      );
    }
    return this.made({ kind: "call", fn, args, start: name.start, end: close.end }, name);
  }

  private peek(): Token {
    return this.tokens[this.index]!;
  }

  private descend(at: Token): void {
    this.nesting++;
    if (this.nesting > MAX_FORMULA_DEPTH) throw tooDeep(at);
  }

  /** Records the new node's depth, refusing trees deeper than every later walker can recurse. */
  private made<N extends FormulaNode>(node: N, at: Token): N {
    let depth = 1;
    for (const child of formulaChildren(node)) depth = Math.max(depth, (this.depths.get(child) ?? 1) + 1);
    if (depth > MAX_FORMULA_DEPTH) throw tooDeep(at);
    this.depths.set(node, depth);
    return node;
  }

  private respanned(node: FormulaNode, start: number, end: number): FormulaNode {
    const copy = { ...node, start, end };
    this.depths.set(copy, this.depths.get(node) ?? 1);
    return copy;
  }

  private expected(expected: ExpectedToken, found: Token): ShihyoError {
    if (found.kind === "end") {
      return formulaError("formula.unexpectedEnd", { expected }, { offset: this.source.length, length: 0 });
    }
    return formulaError(
      "formula.expectedToken",
      { expected, found: this.source.slice(found.start, found.end) },
      spanOf(found),
    );
  }
}

function isSymbol(token: Token, text: string): token is Token & { kind: "symbol" } {
  return token.kind === "symbol" && token.text === text;
}

function spanOf(token: Token): { offset: number; length: number } {
  return { offset: token.start, length: token.end - token.start };
}

function tooDeep(at: Token): ShihyoError {
  return formulaError("formula.tooDeep", { limit: MAX_FORMULA_DEPTH }, spanOf(at));
}

/** `winRate` → `win_rate`, `CVR` → `cvr`: the id the writer most likely meant. */
function idSuggestion(text: string): string | null {
  const snake = text
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .toLowerCase()
    .replace(/^[^a-z]+/, "");
  return snake !== text && NODE_ID_PATTERN.test(snake) && !isFormulaFunction(snake) ? snake : null;
}
