import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import {
  AUDIT_KINDS,
  type AuditEntry,
  type AuditLookups,
  actionText,
  auditActor,
  auditDetails,
  auditSubject,
  describeAuditEntry,
  sourceName,
} from "./auditEntry";

const lookups: AuditLookups = {
  members: new Map([["u-hanako", { name: "山田 花子", email: "hanako@example.com" }]]),
  // Named by the answer's `users`: a member who has left.
  people: new Map([["u-taro", { name: "佐藤 太郎", email: "taro@example.com" }]]),
  tokens: new Map([["t-nightly", { name: "夜間取り込み" }]]),
  plans: new Map([["p-1", { name: "SaaS 2026" }]]),
  nodeName: (planId, nodeId) => (planId === "p-1" && nodeId === "mrr" ? "MRR" : undefined),
};

const entry = (action: string, entity: string, entityId: string, detail: Record<string, unknown> = {}) => ({
  id: "a1",
  userId: "u-hanako",
  tokenId: null,
  action,
  entity,
  entityId,
  detail,
  at: "2026-11-24T03:05:00Z",
});

describe("every action the server writes has a phrase", () => {
  /** The audit actions in the store's and the server's sources (`action: "kind.verb"`). */
  function actionsInSources(): Set<string> {
    const found = new Set<string>();
    for (const dir of ["../../../../store/src", "../../../../server/src"]) {
      const root = fileURLToPath(new URL(`${dir}/`, import.meta.url));
      for (const file of readdirSync(root, { recursive: true, encoding: "utf8" })) {
        if (!file.endsWith(".ts") || file.endsWith(".test.ts")) continue;
        const source = readFileSync(`${root}${file}`, "utf8");
        for (const match of source.matchAll(/\baction: "([a-z_]+\.[a-z_]+)"/g)) found.add(match[1]!);
      }
    }
    return found;
  }

  it("names each in both languages and offers it under a kind", () => {
    const written = actionsInSources();
    expect(written.size).toBeGreaterThan(10);
    const offered = new Set<string>(Object.values(AUDIT_KINDS).flat());
    expect([...written].filter((action) => !offered.has(action))).toEqual([]);
    for (const action of offered) {
      expect(actionText(action, "ja")).not.toContain(action);
      expect(actionText(action, "en")).not.toContain(action);
    }
  });

  it("shows an action it does not know as itself", () => {
    expect(actionText("plan.archive", "ja")).toBe("その他の操作（plan.archive）");
    expect(actionText("plan.archive", "en")).toBe("Other change (plan.archive)");
  });
});

describe("auditActor", () => {
  it.each([
    [
      { userId: "u-hanako", tokenId: null },
      "ja",
      { kind: "member", name: "山田 花子", email: "hanako@example.com" },
    ],
    [
      { userId: null, tokenId: "t-nightly" },
      "ja",
      { kind: "token", name: "API トークン「夜間取り込み」", email: null },
    ],
    [
      { userId: null, tokenId: "t-nightly" },
      "en",
      { kind: "token", name: "API token “夜間取り込み”", email: null },
    ],
    [
      { userId: null, tokenId: "0199aaaa-bbbb" },
      "en",
      { kind: "token", name: "API token (0199aaaa…)", email: null },
    ],
    [
      { userId: "0199cccc-dddd", tokenId: null },
      "ja",
      { kind: "former", name: "組織にいないユーザー（0199cccc…）", email: null },
    ],
    [
      { userId: "u-taro", tokenId: null },
      "ja",
      { kind: "former", name: "佐藤 太郎（組織外）", email: "taro@example.com" },
    ],
    [
      { userId: "u-taro", tokenId: null },
      "en",
      { kind: "former", name: "佐藤 太郎 (not a member)", email: "taro@example.com" },
    ],
    [
      { userId: null, tokenId: null },
      "en",
      { kind: "system", name: "System (setup or command line)", email: null },
    ],
  ] as const)("%o in %s", (who, lang, expected) => {
    expect(auditActor(who, lookups, lang)).toEqual(expected);
  });
});

describe("auditSubject", () => {
  it.each([
    [entry("target.set", "plan", "p-1", { nodeId: "mrr" }), "ja", "MRR（SaaS 2026）", "/kpi/mrr?plan=p-1"],
    [
      entry("comment.add", "comment", "c-9", { planId: "p-1", nodeId: "churn" }),
      "en",
      "Comment (churn, SaaS 2026)",
      "/kpi/churn?plan=p-1",
    ],
    [entry("measurements.ingest", "plan", "p-1"), "ja", "プラン「SaaS 2026」", "/?plan=p-1"],
    // A deleted plan: its name from the entry, nothing to open.
    [entry("plan.delete", "plan", "p-gone", { name: "Old plan", version: 3 }), "en", "Plan “Old plan”", null],
    [entry("membership.add", "user", "u-hanako"), "ja", "山田 花子 <hanako@example.com>", null],
    // A member removed since: named from the answer's `users`.
    [entry("membership.remove", "user", "u-taro"), "ja", "佐藤 太郎（組織外） <taro@example.com>", null],
    [entry("membership.remove", "user", "u-gone"), "en", "A user outside the organisation (u-gone)", null],
    [entry("token.revoke", "api_token", "t-nightly"), "ja", "トークン「夜間取り込み」", null],
    [entry("token.create", "api_token", "t-new", { name: "CI" }), "en", "Token “CI”", null],
    [entry("organization.rename", "organization", "o-1"), "en", "The organisation", null],
    [entry("thing.happen", "widget", "w-1"), "en", "widget w-1", null],
  ] as const)("%o in %s → %s", (e, lang, text, href) => {
    expect(auditSubject(e, lookups, lang)).toEqual({ text, href });
  });
});

describe("auditDetails", () => {
  it.each([
    [
      entry("target.set", "plan", "p-1", {
        nodeId: "mrr",
        period: "FY2026-Q3",
        oldValue: 1200000,
        newValue: 1350000.5,
        reason: "external",
        version: 2,
      }),
      "ja",
      ["2026年度 第3四半期: 1,200,000 → 1,350,000.5", "理由: 外部環境の変化"],
    ],
    [
      entry("target.set", "plan", "p-1", {
        nodeId: "mrr",
        period: "2026-10",
        oldValue: null,
        newValue: 80,
        reason: "misaligned",
      }),
      "en",
      ["Oct 2026: none → 80", "Reason: Misaligned with the KGI"],
    ],
    [
      entry("measurements.ingest", "plan", "p-1", {
        source: "api:actuals.csv",
        rows: 12000,
        inserted: 11990,
        updated: 3,
        unchanged: 7,
      }),
      "ja",
      ["12,000 行: 新規 11,990・更新 3・変更なし 7", "取り込み元: ファイル actuals.csv"],
    ],
    [
      entry("membership.role", "user", "u-1", { from: "viewer", to: "admin" }),
      "ja",
      ["ロール: 閲覧者 → 管理者"],
    ],
    [entry("membership.add", "user", "u-1", { role: "editor" }), "en", ["Role: Editor"]],
    [
      entry("token.create", "api_token", "t-1", {
        name: "CI",
        role: "editor",
        scopes: ["read", "measurements:write"],
      }),
      "ja",
      ["ロール: 編集者、スコープ: 読み取り、実績の書き込み"],
    ],
    [
      entry("token.create", "api_token", "t-1", { role: "viewer", scopes: [] }),
      "en",
      ["Role: Viewer; scopes: everything the role allows"],
    ],
    [
      entry("user.update", "user", "u-1", {
        name: { from: "admin", to: "管理 太郎" },
        locale: { from: null, to: "ja" },
      }),
      "ja",
      ["名前: admin → 管理 太郎", "言語: ブラウザーに合わせる → 日本語"],
    ],
    [
      entry("user.email", "user", "u-1", { from: "a@example.com", to: "b@example.com" }),
      "en",
      ["a@example.com → b@example.com"],
    ],
    [
      entry("user.password", "user", "u-1", { endedSessions: 2 }),
      "en",
      ["Sessions ended on other devices: 2"],
    ],
    [entry("session.end_others", "user", "u-1", { ended: 0 }), "ja", ["他の端末のセッションを 0 件終了"]],
    [
      entry("organization.rename", "organization", "o", { from: "Acme", to: "Acme 株式会社" }),
      "ja",
      ["「Acme」→「Acme 株式会社」"],
    ],
    [
      entry("organization.create", "organization", "o", { slug: "acme", name: "Acme" }),
      "en",
      ["Name “Acme”, slug acme"],
    ],
    [entry("plan.create", "plan", "p", { name: "SaaS", nodes: 24 }), "en", ["24 nodes"]],
    [
      entry("plan.replace", "plan", "p", {
        name: "SaaS",
        fromVersion: 4,
        nodesAdded: 1,
        nodesRemoved: 0,
        targetsChanged: 5,
        targetsRemoved: 2,
      }),
      "ja",
      ["ノード 追加 1・削除 0、目標 変更 5・削除 2（版 4 から）"],
    ],
    [entry("plan.delete", "plan", "p", { name: "SaaS", version: 7 }), "en", ["Last version 7"]],
    [entry("comment.add", "comment", "c", { planId: "p", nodeId: "n" }), "en", []],
    [entry("thing.happen", "widget", "w", { size: 3 }), "en", ['{"size":3}']],
  ] as const)("%s in %s", (e, lang, lines) => {
    expect(auditDetails(e, lang)).toEqual(lines);
  });
});

describe("sourceName", () => {
  it.each([
    ["api:json", "ja", "API（JSON）"],
    ["file", "en", "the KPI file's data"],
    ["api:march.xlsx", "en", "file march.xlsx"],
    ["cli", "ja", "コマンド（shihyo）"],
    ["demo", "en", "demo data"],
    ["sheets:import", "en", "sheets:import"],
  ] as const)("%s in %s → %s", (source, lang, name) => {
    expect(sourceName(source, lang)).toBe(name);
  });
});

describe("describeAuditEntry", () => {
  it("puts the row together in the user's time zone and language", () => {
    const e: AuditEntry = entry("membership.add", "user", "u-hanako", { role: "viewer" });
    const row = describeAuditEntry(e, lookups, "ja", "Asia/Tokyo");
    expect({ ...row, when: row.when.replace(/\s/g, " ") }).toEqual({
      id: "a1",
      at: "2026-11-24T03:05:00Z",
      when: "2026/11/24 12:05",
      who: { kind: "member", name: "山田 花子", email: "hanako@example.com" },
      what: "メンバーを追加",
      subject: { text: "山田 花子 <hanako@example.com>", href: null },
      details: ["ロール: 閲覧者"],
    });
  });
});
