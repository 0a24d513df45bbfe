import type { KpiFileFormat } from "@shihyo/engine";
import type { Actor, PlanSummary, Store } from "@shihyo/store";
import { requirePlanSummary } from "../evaluation/planModel.js";
import { readPlanFile } from "./readPlanFile.js";

export interface PlanFileInput {
  store: Store;
  actor: Actor;
  text: string;
  format: KpiFileFormat;
}

/** Imports a KPI file as a new plan of the actor's organisation. */
export function createPlan({ store, actor, text, format }: PlanFileInput): Promise<PlanSummary> {
  const plan = readPlanFile(text, format);
  return store.createPlan(actor, plan);
}

/** Replaces a plan's structure from a new file, if it is still at `ifVersion`. */
export async function replacePlan({
  store,
  actor,
  text,
  format,
  planId,
  ifVersion,
}: PlanFileInput & { planId: string; ifVersion: number }): Promise<PlanSummary> {
  await requirePlanSummary(store, actor.orgId, planId);
  const plan = readPlanFile(text, format);
  return store.replacePlan(actor, planId, plan, ifVersion);
}

export async function deletePlan(options: {
  store: Store;
  actor: Actor;
  planId: string;
  ifVersion: number;
}): Promise<void> {
  const { store, actor, planId, ifVersion } = options;
  await requirePlanSummary(store, actor.orgId, planId);
  await store.deletePlan(actor, planId, ifVersion);
}
