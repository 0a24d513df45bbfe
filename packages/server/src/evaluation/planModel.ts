import { type Measurement, type Plan, type PreparedPlan, preparePlan } from "@shihyo/engine";
import type { PlanSummary, Store } from "@shihyo/store";
import { AppError, AppErrorCode } from "../errors/appError.js";

export interface PlanModel {
  summary: PlanSummary;
  plan: Plan;
  prepared: PreparedPlan;
}

/** Prepares a plan the store gave back; it was valid when stored, so a failure is our bug. */
export function prepareStoredPlan(plan: Plan): PreparedPlan {
  const result = preparePlan(plan);
  if (!result.ok) {
    const codes = result.issues.map((i) => i.code).join(", ");
    throw new AppError(AppErrorCode.Internal, { detail: () => `stored plan does not prepare: ${codes}` });
  }
  return result.prepared;
}

/** A plan of the caller's organisation with its engine model, or 404. */
export async function loadPlanModel(store: Store, orgId: string, planId: string): Promise<PlanModel> {
  const found = await store.getPlan(orgId, planId);
  if (!found) throw new AppError(AppErrorCode.NotFound);
  return { ...found, prepared: prepareStoredPlan(found.plan) };
}

/** The plan's summary, or 404 (also for another organisation's plan). */
export async function requirePlanSummary(store: Store, orgId: string, planId: string): Promise<PlanSummary> {
  const summary = await store.getPlanSummary(orgId, planId);
  if (!summary) throw new AppError(AppErrorCode.NotFound);
  return summary;
}

const key = (m: Measurement) => `${m.node}\u0000${m.period}\u0000${m.segment ?? ""}`;

/**
 * The actuals an evaluator gets: the stored ones, plus any the file itself carried (its
 * `data:` section) that the store does not also hold. Keeps the evaluator right whether the
 * store keeps file data inside the plan or among the measurements.
 */
export function mergeFileData(plan: Plan, stored: readonly Measurement[]): Measurement[] {
  const fileData = plan.data ?? [];
  if (fileData.length === 0) return stored as Measurement[];
  const nodes = new Set(fileData.map((m) => m.node));
  const taken = new Set<string>();
  for (const m of stored) if (nodes.has(m.node)) taken.add(key(m));
  return [...fileData.filter((m) => !taken.has(key(m))), ...stored];
}
