/*
 * Unsaved cells kept in the tab's sessionStorage, so that the browser's Back button (which
 * unmounts the data-entry page before anything can ask) does not lose them: written as they
 * change, read when the page opens on the same plan and period, cleared on a save or a discard.
 * A stored value is someone's earlier typing, not trusted: it is checked shape by shape, and a
 * value that does not fit is ignored as a whole.
 */
import { GRAINS, type Grain, grainOfPeriodId } from "@shihyo/engine";
import { type Drafts, type StoredValues, splitRowKey, withDraft } from "./drafts";
import type { SegmentNames } from "./segmentRows";

/** What is kept: the drafts, the segment rows added by name, and the view they were typed in. */
export interface StoredDrafts {
  drafts: Drafts;
  added: SegmentNames;
  grain: Grain | null;
  /** The grid's filter ("mine", "all" or "department:…"). */
  filter: string | null;
}

const VERSION = 1;

/**
 * The key of a tab's stored drafts: one organisation's user, one plan, one shown period (the
 * drafts belong to the period they were typed in). Parts are URI-encoded so that none can
 * run into the next.
 */
export function draftsStorageKey(parts: {
  org: string;
  user: string | null;
  plan: string;
  period: string;
}): string {
  const { org, user, plan, period } = parts;
  return ["shihyo.entryDrafts", `v${VERSION}`, org, user ?? "", plan, period]
    .map(encodeURIComponent)
    .join(":");
}

export function serialiseDrafts(stored: StoredDrafts): string {
  return JSON.stringify({ v: VERSION, ...stored });
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** Stored drafts read back, or null when there are none or the text is not what `serialiseDrafts` writes. */
export function parseStoredDrafts(text: string | null): StoredDrafts | null {
  if (text === null) return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (!isRecord(value) || value.v !== VERSION) return null;
  const { drafts, added, grain, filter } = value;
  if (!isRecord(drafts) || !isRecord(added)) return null;
  for (const cells of Object.values(drafts))
    if (!isRecord(cells) || !Object.values(cells).every((text) => typeof text === "string")) return null;
  for (const names of Object.values(added))
    if (!Array.isArray(names) || !names.every((name) => typeof name === "string" && name !== "")) return null;
  if (grain !== null && !GRAINS.includes(grain as Grain)) return null;
  if (filter !== null && typeof filter !== "string") return null;
  return { drafts: drafts as Drafts, added: added as SegmentNames, grain: grain as Grain | null, filter };
}

export interface RestoreContext {
  /** The nodes that take actuals now, with their grain and unit. */
  nodes: readonly { id: string; grain?: string; unit?: string }[];
  /** Stored actuals, read for `checked` rows' nodes and periods. */
  stored: StoredValues;
  /** What `stored` covers: the nodes read, and the periods read for them. */
  checked: { nodes: ReadonlySet<string>; periods: ReadonlySet<string> };
}

/**
 * The stored drafts that still mean a change: without the nodes no longer in the plan (or no
 * longer measured), cells whose period is not of the node's grain, and — where the stored
 * actuals are known — cells the server already holds with the same value (saved meanwhile,
 * in another tab). Cells outside what was read stay; a save checks them again.
 */
export function restorableDrafts(drafts: Drafts, context: RestoreContext): Drafts {
  const byId = new Map(context.nodes.map((n) => [n.id, n]));
  let next: Drafts = {};
  for (const [row, cells] of Object.entries(drafts)) {
    const node = byId.get(splitRowKey(row).node);
    if (!node) continue;
    for (const [period, text] of Object.entries(cells)) {
      if (node.grain !== undefined && grainOfPeriodId(period) !== node.grain) continue;
      if (context.checked.nodes.has(node.id) && context.checked.periods.has(period))
        next = withDraft(next, { row, period, text }, context.stored[row]?.[period] ?? null, node.unit);
      else next = { ...next, [row]: { ...next[row], [period]: text } };
    }
  }
  return next;
}

/** The added segment names of the nodes still listed. */
export function restorableSegments(added: SegmentNames, nodes: readonly { id: string }[]): SegmentNames {
  const ids = new Set(nodes.map((n) => n.id));
  return Object.fromEntries(Object.entries(added).filter(([node]) => ids.has(node)));
}

/*
 * The tab's storage. Private windows and full quotas throw, and some browsers deny the
 * storage object itself: the page then works as before, without the copy.
 */

export function readStoredDrafts(key: string): StoredDrafts | null {
  try {
    return parseStoredDrafts(window.sessionStorage.getItem(key));
  } catch {
    return null;
  }
}

export function writeStoredDrafts(key: string, stored: StoredDrafts): void {
  try {
    window.sessionStorage.setItem(key, serialiseDrafts(stored));
  } catch {
    // Kept in memory only; the leave questions still guard the cells.
  }
}

export function forgetStoredDrafts(key: string): void {
  try {
    window.sessionStorage.removeItem(key);
  } catch {
    // Nothing was stored, or nothing can be.
  }
}
