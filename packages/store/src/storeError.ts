import type { Lang } from "@shihyo/engine";
import type { StoreErrorCode } from "./storeApi.js";

/** What the store can refuse: the contract's codes plus the two that happen on opening. */
export type StoreErrorKind = StoreErrorCode | "locked" | "migration_failed";

/** Why one measurement row was refused. */
export type InvalidRowReason = "unknown_node" | "duplicate" | "not_finite" | "empty_period";

export interface InvalidRow {
  /** 0-based index of the row in the request. */
  index: number;
  node: string;
  period: string;
  segment: string;
  reason: InvalidRowReason;
}

export type InvalidReason = "measurement_rows" | "duplicate_node" | "not_finite";

export interface StoreErrorParams {
  not_found: { entity: string; id: string };
  conflict: { entity: string; key: string };
  stale_version: { entity: string; id: string; expected: number | null; actual: number | null };
  invalid: {
    reason: InvalidReason;
    /** The refused rows (at most INVALID_ROWS_LISTED of them) for `measurement_rows`. */
    rows?: InvalidRow[];
    /** How many rows were refused in all. */
    count?: number;
    /** The node id or field the problem is about. */
    subject?: string;
  };
  last_owner: { userId: string };
  locked: { directory: string; pid: number | null };
  migration_failed: { migration: string; detail: string };
}

/** How many refused rows an error lists; the count says how many there were in all. */
export const INVALID_ROWS_LISTED = 100;

type Catalogue = { [K in StoreErrorKind]: (params: StoreErrorParams[K]) => string };

const rowReasons: Record<Lang, Record<InvalidRowReason, string>> = {
  en: {
    unknown_node: "no such node in the plan",
    duplicate: "the same node, period and segment appear earlier in the request",
    not_finite: "the value is not a finite number",
    empty_period: "the period is empty",
  },
  ja: {
    unknown_node: "計画にないノードです",
    duplicate: "同じノード・期間・セグメントの行がリクエストの前の方にあります",
    not_finite: "値が有限の数ではありません",
    empty_period: "期間が空です",
  },
};

function listRows(rows: readonly InvalidRow[] | undefined, lang: Lang): string {
  return (rows ?? [])
    .map((row) => {
      const segment = row.segment === "" ? "" : ` [${row.segment}]`;
      const position = lang === "ja" ? `${row.index + 1} 行目` : `row ${row.index + 1}`;
      return `\n  ${position}: ${row.node} ${row.period}${segment}: ${rowReasons[lang][row.reason]}`;
    })
    .join("");
}

const messages: Record<Lang, Catalogue> = {
  en: {
    not_found: ({ entity, id }) => `No ${entity} "${id}" in this organisation.`,
    conflict: ({ entity, key }) => `A ${entity} "${key}" already exists.`,
    stale_version: ({ entity, id, expected, actual }) =>
      `The ${entity} "${id}" was changed by someone else (you had version ${expected ?? "none"}, it is now ${actual ?? "gone"}); reload and try again.`,
    invalid: ({ reason, rows, count, subject }) => {
      switch (reason) {
        case "measurement_rows":
          return `${count ?? rows?.length ?? 0} measurement row(s) refused; nothing was written:${listRows(rows, "en")}`;
        case "duplicate_node":
          return `The plan has the node id "${subject}" more than once.`;
        case "not_finite":
          return `${subject} is not a finite number.`;
      }
    },
    last_owner: () =>
      "This is the organisation's last owner: make another member owner first, then change or remove this one.",
    locked: ({ directory, pid }) =>
      `The database in ${directory} is in use by another process${pid === null ? "" : ` (pid ${pid})`}; stop it, or use another directory or a PostgreSQL server.`,
    migration_failed: ({ migration, detail }) =>
      `Updating the database schema failed at ${migration}: ${detail}. Nothing of that step was applied.`,
  },
  ja: {
    not_found: ({ entity, id }) => `この組織に ${entity}「${id}」はありません。`,
    conflict: ({ entity, key }) => `${entity}「${key}」は既に存在します。`,
    stale_version: ({ entity, id, expected, actual }) =>
      `${entity}「${id}」は他の人に変更されました（手元の版 ${expected ?? "なし"}、現在の版 ${actual ?? "削除済み"}）。読み込み直してからやり直してください。`,
    invalid: ({ reason, rows, count, subject }) => {
      switch (reason) {
        case "measurement_rows":
          return `実績 ${count ?? rows?.length ?? 0} 行を受け付けられません。何も書き込んでいません:${listRows(rows, "ja")}`;
        case "duplicate_node":
          return `計画にノード ID「${subject}」が複数あります。`;
        case "not_finite":
          return `${subject} が有限の数ではありません。`;
      }
    },
    last_owner: () =>
      "この組織の最後のオーナーです。先に別のメンバーをオーナーにしてから、このメンバーを変更または削除してください。",
    locked: ({ directory, pid }) =>
      `${directory} のデータベースは別のプロセス${pid === null ? "" : `（pid ${pid}）`}が使用中です。そのプロセスを止めるか、別のディレクトリか PostgreSQL サーバーを使ってください。`,
    migration_failed: ({ migration, detail }) =>
      `データベースのスキーマ更新が ${migration} で失敗しました: ${detail}。その段階の変更は適用されていません。`,
  },
};

/**
 * The one error the store throws on purpose. `code` is stable (the server maps it to an
 * HTTP status), `params` carry the details, `text(lang)` is the message for a person.
 */
export class StoreError<K extends StoreErrorKind = StoreErrorKind> extends Error {
  readonly code: K;
  readonly params: StoreErrorParams[K];

  constructor(code: K, params: StoreErrorParams[K], options?: { cause?: unknown }) {
    super(messages.en[code](params), options);
    this.name = "StoreError";
    this.code = code;
    this.params = params;
  }

  text(lang: Lang): string {
    return messages[lang][this.code](this.params);
  }
}

export function isStoreError<K extends StoreErrorKind>(error: unknown, code?: K): error is StoreError<K> {
  return error instanceof StoreError && (code === undefined || error.code === code);
}

/**
 * A unique index refused a write: PostgreSQL's unique_violation (23505) or SQLite's
 * SQLITE_CONSTRAINT_UNIQUE. For writes whose conflict only the database can see reliably.
 */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === "23505" || code === "SQLITE_CONSTRAINT_UNIQUE";
}
