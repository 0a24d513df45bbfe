import { type KpiFileFormat, type Plan, parseKpiFile } from "@shihyo/engine";
import { AppError, AppErrorCode } from "../errors/appError.js";

/** A KPI file sent as a request body, or 422 with every error located (line, column, path). */
export function readPlanFile(text: string, format: KpiFileFormat): Plan {
  const parsed = parseKpiFile(text, { format });
  if (parsed.ok) return parsed.plan;
  const { errors } = parsed;
  throw new AppError(AppErrorCode.InvalidPlanFile, {
    errors: (lang) =>
      errors.map((e) => ({
        message: e.text(lang),
        path: e.path,
        line: e.line,
        column: e.column,
        code: e.code,
      })),
  });
}
