export type {
  ArithmeticNode,
  ArithmeticOperator,
  CallNode,
  ComparisonNode,
  ComparisonOperator,
  FormulaFunction,
  FormulaNode,
  FormulaSpan,
  NegateNode,
  NumberNode,
  ReferenceNode,
} from "./ast.js";
export { FORMULA_FUNCTION_NAMES, formulaDepth, isFormulaFunction, isFormulaId } from "./ast.js";
export { checkReferences } from "./checkReferences.js";
export { type CompiledFormula, compileFormula } from "./compileFormula.js";
export { type DependencyGraph, findCycle, topologicalOrder } from "./dependencyGraph.js";
export { evaluateWithDerivative, type ValueWithDerivative } from "./differentiate.js";
export {
  evaluateFormula,
  type FormulaLookup,
  type FormulaValue,
  type NoValueReason,
} from "./evaluateFormula.js";
export { formatFormula } from "./formatFormula.js";
export { formulaErrorCaret } from "./formulaErrorCaret.js";
export { formulaReferences } from "./formulaReferences.js";
export { MAX_COMPOSED_DEPTH, MAX_FORMULA_DEPTH } from "./limits.js";
export { type FormulaMessageCode, formulaMessages } from "./messages.js";
export { parseFormula } from "./parseFormula.js";
export { substituteFormula } from "./substituteFormula.js";
