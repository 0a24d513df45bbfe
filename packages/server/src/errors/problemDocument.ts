import type { Lang } from "@shihyo/engine";
import { type AppError, problemType } from "./appError.js";
import { problemMessages } from "./problemMessages.js";

export const PROBLEM_CONTENT_TYPE = "application/problem+json; charset=utf-8";

/** An RFC 9457 problem document, with our stable code and located errors. */
export interface ProblemDocument {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  instance?: string;
  errors?: {
    message: string;
    path: string;
    line?: number | null;
    column?: number | null;
    code?: string;
    value?: string;
    file?: string | null;
  }[];
  [extension: string]: unknown;
}

export function problemDocument(error: AppError, lang: Lang, instance: string): ProblemDocument {
  const texts = problemMessages[lang][error.code];
  const { detail, errors, extensions } = error.options;
  return {
    ...extensions,
    type: problemType(error.code),
    title: texts.title,
    status: error.status,
    detail: detail ? detail(lang) : texts.detail,
    code: error.code,
    instance,
    ...(errors ? { errors: errors(lang) } : {}),
  };
}
