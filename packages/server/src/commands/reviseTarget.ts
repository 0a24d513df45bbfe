import {
  type Basis,
  type Lang,
  type Plan,
  parsePeriod,
  preparePlan,
  ShihyoError,
  type Target,
} from "@shihyo/engine";
import type { Actor, RevisionReason, Store, StoredTarget } from "@shihyo/store";
import { AppError, AppErrorCode } from "../errors/appError.js";
import { loadPlanModel } from "../evaluation/planModel.js";

export interface TargetChange {
  value: number;
  baseline?: number | undefined;
  basis?: Basis | undefined;
  note?: string | undefined;
  reason: RevisionReason;
  comment: string;
}

function invalidTarget(path: string, text: (lang: Lang) => string, code: string): AppError {
  return new AppError(AppErrorCode.InvalidTarget, {
    detail: text,
    errors: (lang) => [{ message: text(lang), path, code }],
  });
}

/**
 * Sets a node's target for a period, keeping the old one in the revision history. The
 * change is checked by the engine exactly as the same target written in the KPI file would
 * be (node, period, grain, cadence); `ifVersion` is the target's version (null to create).
 */
export async function reviseTarget(options: {
  store: Store;
  actor: Actor;
  planId: string;
  nodeId: string;
  period: string;
  change: TargetChange;
  ifVersion: number | null;
}): Promise<StoredTarget> {
  const { store, actor, planId, nodeId, change } = options;
  const { plan, prepared } = await loadPlanModel(store, actor.orgId, planId);
  const index = plan.nodes.findIndex((n) => n.id === nodeId);
  if (index < 0) throw new AppError(AppErrorCode.NotFound);
  let periodId: string;
  try {
    periodId = parsePeriod(options.period, prepared.calendar).id;
  } catch (error) {
    if (error instanceof ShihyoError) throw invalidTarget("period", (lang) => error.text(lang), error.code);
    throw error;
  }
  const target: Target = { value: change.value };
  if (change.baseline !== undefined) target.baseline = change.baseline;
  if (change.basis !== undefined) target.basis = change.basis;
  if (change.note !== undefined) target.note = change.note;

  const node = plan.nodes[index]!;
  const revised: Plan = {
    ...plan,
    nodes: plan.nodes.map((n, i) =>
      i === index ? { ...node, targets: { ...node.targets, [periodId]: target } } : n,
    ),
  };
  const checked = preparePlan(revised);
  if (!checked.ok) {
    const issue = checked.issues[0]!;
    throw invalidTarget(issue.path.join("."), (lang) => issue.text(lang), issue.code);
  }
  if (options.ifVersion === null) {
    const existing = (await store.listTargets(actor.orgId, planId)).find(
      (t) => t.nodeId === nodeId && t.period === periodId,
    );
    // Changing a target someone may be editing too needs its version; creating one does not.
    if (existing) throw new AppError(AppErrorCode.PreconditionRequired);
  }
  return store.setTarget(actor, {
    planId,
    nodeId,
    period: periodId,
    target,
    reason: change.reason,
    comment: change.comment,
    ifVersion: options.ifVersion,
  });
}
