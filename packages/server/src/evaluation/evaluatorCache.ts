import { Evaluator, type Plan } from "@shihyo/engine";
import type { PlanSummary, Store } from "@shihyo/store";
import { AppError, AppErrorCode } from "../errors/appError.js";
import { mergeFileData, type PlanModel, prepareStoredPlan, requirePlanSummary } from "./planModel.js";

/** A plan ready for questions: its model and an evaluator over all its actuals. */
export interface EvaluatedPlan extends PlanModel {
  evaluator: Evaluator;
  /** Answers already written at these versions (by question), most recent last. */
  answers: Map<string, Answer>;
}

/** A JSON answer as text, and gzipped once the first caller accepts that. */
export interface Answer {
  json: string;
  gzip: Buffer | null;
}

/** Answers kept per plan version: the dashboards' usual questions, and then some. */
const MAX_ANSWERS = 64;

/**
 * The JSON answer to a question about a plan at its current versions: computed once, then
 * served as text. The engine's numbers depend only on the plan, its data and the question,
 * so an answer stays right until the versions change (which drops the whole EvaluatedPlan).
 */
export function answerOnce(plan: EvaluatedPlan, question: string, compute: () => unknown): Answer {
  const known = plan.answers.get(question);
  if (known !== undefined) {
    plan.answers.delete(question);
    plan.answers.set(question, known);
    return known;
  }
  const answer: Answer = { json: JSON.stringify(compute()), gzip: null };
  if (plan.answers.size >= MAX_ANSWERS) {
    const oldest = plan.answers.keys().next().value;
    if (oldest !== undefined) plan.answers.delete(oldest);
  }
  plan.answers.set(question, answer);
  return answer;
}

interface Entry {
  version: number;
  dataVersion: number;
  loading: Promise<EvaluatedPlan>;
  /** As-of days × segments asked for: each keeps a context in the evaluator. */
  contexts: Set<string>;
}

/** Past this many distinct as-of days and segments, an evaluator is rebuilt rather than grown. */
const MAX_CONTEXTS = 256;

/**
 * Up to this many changed actuals are applied to a cached evaluator (each recalculates only
 * what depends on it); beyond, reading everything again is the cheaper way.
 */
const MAX_INCREMENTAL_ROWS = 20_000;

/**
 * Evaluators per plan, kept in this instance's memory and keyed by the plan's versions.
 * Each request makes one cheap read (the plan's summary) and rebuilds only when the plan or
 * its data changed since, so several instances stay correct without sharing anything.
 */
export class EvaluatorCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly store: Store,
    private readonly maxPlans: number,
  ) {}

  /** The plan's evaluator at its current versions; 404 when the caller cannot see the plan. */
  async get(orgId: string, planId: string): Promise<EvaluatedPlan> {
    const summary = await requirePlanSummary(this.store, orgId, planId);
    const cacheKey = `${orgId}/${planId}`;
    let entry = this.entries.get(cacheKey);
    if (entry && entry.version === summary.version && entry.dataVersion < summary.dataVersion) {
      entry = this.catchUp(orgId, planId, entry, summary);
    } else if (!entry || entry.version !== summary.version || entry.dataVersion !== summary.dataVersion) {
      entry = this.load(orgId, planId, summary);
    }
    // Most recently used last: Map keeps insertion order, so eviction takes the first.
    this.entries.delete(cacheKey);
    this.entries.set(cacheKey, entry);
    this.evict();
    return entry.loading;
  }

  /**
   * Notes that a question about as-of day `asOf` (and a segment) is asked of `plan`: the
   * evaluator keeps a context for each. Past MAX_CONTEXTS of them the evaluator is rebuilt,
   * so that callers asking about ever new days cannot grow one without bound.
   */
  async touch(
    orgId: string,
    planId: string,
    plan: EvaluatedPlan,
    asOf: number,
    segment: string | null,
  ): Promise<EvaluatedPlan> {
    const cacheKey = `${orgId}/${planId}`;
    const contextKey = `${asOf}|${segment ?? ""}`;
    const entry = this.entries.get(cacheKey);
    if (!entry || entry.contexts.has(contextKey)) return plan;
    if (entry.contexts.size < MAX_CONTEXTS) {
      entry.contexts.add(contextKey);
      return plan;
    }
    this.entries.delete(cacheKey);
    const fresh = await this.get(orgId, planId);
    this.entries.get(cacheKey)?.contexts.add(contextKey);
    return fresh;
  }

  /** Forgets a plan (after it is deleted). */
  forget(orgId: string, planId: string): void {
    this.entries.delete(`${orgId}/${planId}`);
  }

  /**
   * Only the plan's data changed since the entry was built: apply the rows written since to
   * its evaluator instead of reading them all again (a data push then costs the next request
   * milliseconds, not a full load). Falls back to a full load when the store cannot say what
   * changed, when too much did, or when anything goes wrong.
   */
  private catchUp(orgId: string, planId: string, entry: Entry, seen: PlanSummary): Entry {
    const next: Entry = {
      version: entry.version,
      dataVersion: seen.dataVersion,
      contexts: entry.contexts,
      loading: (async () => {
        const current = await entry.loading;
        const changes = await this.store.measurementsChangedSince(orgId, planId, current.summary.dataVersion);
        if (changes === null || changes.rows.length > MAX_INCREMENTAL_ROWS) return this.build(orgId, planId);
        try {
          for (const row of changes.rows) current.evaluator.update(row);
        } catch {
          // The evaluator may hold part of the rows now: never reuse it.
          return this.build(orgId, planId);
        }
        return {
          ...current,
          summary: { ...current.summary, dataVersion: changes.dataVersion },
          answers: new Map(),
        };
      })(),
    };
    this.track(orgId, planId, next);
    return next;
  }

  private load(orgId: string, planId: string, seen: PlanSummary): Entry {
    const entry: Entry = {
      version: seen.version,
      dataVersion: seen.dataVersion,
      contexts: new Set(),
      loading: this.build(orgId, planId),
    };
    this.track(orgId, planId, entry);
    return entry;
  }

  /**
   * Labels the entry with the versions its evaluator really holds once it is ready, so that a
   * change that raced the load is seen as newer on the next request; a failed load is not kept.
   */
  private track(orgId: string, planId: string, entry: Entry): void {
    entry.loading.then(
      (loaded) => {
        entry.version = loaded.summary.version;
        entry.dataVersion = loaded.summary.dataVersion;
      },
      () => {
        const key = `${orgId}/${planId}`;
        if (this.entries.get(key) === entry) this.entries.delete(key);
      },
    );
  }

  private async build(orgId: string, planId: string): Promise<EvaluatedPlan> {
    // The plan first, then the data: data written in between makes the entry look older
    // than it is (one extra rebuild), never newer.
    const found = await this.store.getPlan(orgId, planId);
    if (!found) throw new AppError(AppErrorCode.NotFound);
    const stored = await this.store.listMeasurements(orgId, planId);
    const { data: _data, ...structure } = found.plan;
    const withoutData: Plan = structure;
    const prepared = prepareStoredPlan(withoutData);
    const evaluator = new Evaluator(prepared, mergeFileData(found.plan, stored));
    return { summary: found.summary, plan: found.plan, prepared, evaluator, answers: new Map() };
  }

  private evict(): void {
    while (this.entries.size > this.maxPlans) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) return;
      this.entries.delete(oldest);
    }
  }
}
