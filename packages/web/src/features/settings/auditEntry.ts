import { parsePeriodId, periodLabel } from "../../format/fiscalPeriod";
import { catalogs, fillText, type Lang } from "../../i18n/catalog";
import { formatDateTime } from "./formatSettings";
// This part's texts are read here without i18next, so that the wording is plain, testable functions.
import { settingsTexts } from "./texts";

/** One entry of GET /audit (the server's `auditSchema`). */
export interface AuditEntry {
  id: string;
  userId: string | null;
  tokenId: string | null;
  action: string;
  entity: string;
  entityId: string;
  detail: Record<string, unknown>;
  at: string;
}

/**
 * Every action the server writes to the audit log, by the kind the filter offers. A kind
 * asks the server for its actions (`?action=a,b`), so the list must name them all.
 */
export const AUDIT_KINDS = {
  members: ["membership.add", "membership.role", "membership.remove"],
  tokens: ["token.create", "token.revoke"],
  targets: ["target.set"],
  actuals: ["measurements.ingest"],
  plans: ["plan.create", "plan.replace", "plan.delete"],
  comments: ["comment.add"],
  account: ["user.update", "user.password", "user.email", "session.end_others"],
  organization: ["organization.create", "organization.rename"],
} as const;
export type AuditKind = keyof typeof AUDIT_KINDS;
export type AuditAction = (typeof AUDIT_KINDS)[AuditKind][number];
export const AUDIT_KIND_NAMES = Object.keys(AUDIT_KINDS) as AuditKind[];

const KNOWN_ACTIONS: ReadonlySet<string> = new Set(Object.values(AUDIT_KINDS).flat());

/** The text key of an action: i18next reads "." as a key separator. */
export const actionKey = (action: AuditAction) => action.replace(".", "_") as ActionKey;
type ActionKey = keyof (typeof settingsTexts)["ja"]["audit"]["actions"];

/** A user as the audit log names them (the answer's `users`): also one who has left. */
export interface AuditPerson {
  name: string;
  email: string;
}

/** What the page knows to put names on ids: the members, the tokens, the plans and their nodes. */
export interface AuditLookups {
  members: ReadonlyMap<string, AuditPerson>;
  /** Every user the loaded entries mention, members or not (the answers' `users`). */
  people: ReadonlyMap<string, AuditPerson>;
  tokens: ReadonlyMap<string, { name: string }>;
  plans: ReadonlyMap<string, { name: string }>;
  nodeName(planId: string, nodeId: string): string | undefined;
}

export interface AuditActor {
  kind: "member" | "token" | "system" | "former";
  name: string;
  /** A member's e-mail, shown beside the name. */
  email: string | null;
}

export interface AuditSubject {
  text: string;
  /** Where the thing can be opened (a KPI's detail, a plan's dashboard); null when nowhere. */
  href: string | null;
}

/** An entry as the audit log table shows it, in the user's language. */
export interface AuditRow {
  id: string;
  at: string;
  when: string;
  who: AuditActor;
  what: string;
  subject: AuditSubject | null;
  details: string[];
}

const short = (id: string) => (id.length > 8 ? `${id.slice(0, 8)}…` : id);
const text = (value: unknown): string | null =>
  typeof value === "string" ? value : typeof value === "number" ? String(value) : null;

export function describeAuditEntry(
  entry: AuditEntry,
  lookups: AuditLookups,
  lang: Lang,
  timeZone?: string,
): AuditRow {
  return {
    id: entry.id,
    at: entry.at,
    when: formatDateTime(entry.at, lang, timeZone),
    who: auditActor(entry, lookups, lang),
    what: actionText(entry.action, lang),
    subject: auditSubject(entry, lookups, lang),
    details: auditDetails(entry, lang),
  };
}

export function auditActor(
  entry: Pick<AuditEntry, "userId" | "tokenId">,
  lookups: AuditLookups,
  lang: Lang,
): AuditActor {
  const texts = settingsTexts[lang].audit;
  if (entry.userId !== null) {
    const member = lookups.members.get(entry.userId);
    if (member) return { kind: "member", name: member.name, email: member.email };
    const person = lookups.people.get(entry.userId);
    return person
      ? { kind: "former", name: fillText(texts.formerNamed, { name: person.name }), email: person.email }
      : { kind: "former", name: fillText(texts.formerMember, { id: short(entry.userId) }), email: null };
  }
  if (entry.tokenId !== null) {
    const token = lookups.tokens.get(entry.tokenId);
    return {
      kind: "token",
      name: token
        ? fillText(texts.token, { name: token.name })
        : fillText(texts.unknownToken, { id: short(entry.tokenId) }),
      email: null,
    };
  }
  return { kind: "system", name: texts.system, email: null };
}

/** The action as a phrase; an action this page does not know shows as itself. */
export function actionText(action: string, lang: Lang): string {
  const texts = settingsTexts[lang].audit;
  return KNOWN_ACTIONS.has(action)
    ? texts.actions[actionKey(action as AuditAction)]
    : fillText(texts.unknownAction, { action });
}

const kpiHref = (planId: string, nodeId: string) =>
  `/kpi/${encodeURIComponent(nodeId)}?plan=${encodeURIComponent(planId)}`;
const planHref = (planId: string) => `/?plan=${encodeURIComponent(planId)}`;

export function auditSubject(entry: AuditEntry, lookups: AuditLookups, lang: Lang): AuditSubject | null {
  const texts = settingsTexts[lang].audit.subjects;
  const { detail } = entry;
  const planName = (planId: string) => lookups.plans.get(planId)?.name ?? text(detail.name) ?? short(planId);
  const kpi = (planId: string, nodeId: string) => ({
    node: lookups.nodeName(planId, nodeId) ?? nodeId,
    plan: planName(planId),
    href: lookups.plans.has(planId) ? kpiHref(planId, nodeId) : null,
  });
  switch (entry.entity) {
    case "organization":
      return { text: texts.organization, href: null };
    case "user": {
      const member = lookups.members.get(entry.entityId);
      const person = lookups.people.get(entry.entityId);
      const name = member
        ? `${member.name} <${member.email}>`
        : person
          ? `${fillText(settingsTexts[lang].audit.formerNamed, { name: person.name })} <${person.email}>`
          : fillText(settingsTexts[lang].audit.formerMember, { id: short(entry.entityId) });
      return { text: name, href: null };
    }
    case "api_token": {
      const name = lookups.tokens.get(entry.entityId)?.name ?? text(detail.name) ?? short(entry.entityId);
      return { text: fillText(texts.token, { name }), href: null };
    }
    case "comment": {
      const planId = text(detail.planId);
      const nodeId = text(detail.nodeId);
      if (planId === null || nodeId === null) break;
      const { node, plan, href } = kpi(planId, nodeId);
      return { text: fillText(texts.comment, { node, plan }), href };
    }
    case "plan": {
      const nodeId = text(detail.nodeId);
      if (nodeId !== null) {
        const { node, plan, href } = kpi(entry.entityId, nodeId);
        return { text: fillText(texts.kpi, { node, plan }), href };
      }
      return {
        text: fillText(texts.plan, { name: planName(entry.entityId) }),
        href: lookups.plans.has(entry.entityId) ? planHref(entry.entityId) : null,
      };
    }
  }
  return { text: `${entry.entity} ${entry.entityId}`, href: null };
}

const ROLES = ["owner", "admin", "editor", "viewer"] as const;
const REASONS = ["external", "resources", "misaligned", "other"] as const;

function oneOf<T extends string>(values: readonly T[], value: unknown): T | null {
  return (values as readonly unknown[]).includes(value) ? (value as T) : null;
}

/** What an entry's detail says, line by line; an unknown action's detail as its JSON. */
export function auditDetails(entry: Pick<AuditEntry, "action" | "detail">, lang: Lang): string[] {
  const catalog = settingsTexts[lang];
  const texts = catalog.audit.details;
  const d = entry.detail;
  const numbers = new Intl.NumberFormat(lang === "ja" ? "ja-JP" : "en-US", { maximumFractionDigits: 6 });
  const fill = (template: string, params: Record<string, unknown>) =>
    fillText(
      template,
      Object.fromEntries(
        Object.entries(params).map(([key, value]) => [
          key,
          typeof value === "number" ? numbers.format(value) : (text(value) ?? "—"),
        ]),
      ),
    );
  const role = (value: unknown) => {
    const known = oneOf(ROLES, value);
    return known ? catalog.roles[known] : (text(value) ?? "—");
  };
  const number = (value: unknown) => (typeof value === "number" ? numbers.format(value) : texts.noValue);
  const fromTo = (value: unknown): { from: unknown; to: unknown } | null =>
    value !== null && typeof value === "object" && "from" in value && "to" in value
      ? (value as { from: unknown; to: unknown })
      : null;

  switch (entry.action) {
    case "organization.create":
      return [fill(texts.organizationCreated, { name: d.name, slug: d.slug })];
    case "organization.rename":
      return [fill(texts.renamed, { from: d.from, to: d.to })];
    case "user.update": {
      const lines: string[] = [];
      const name = fromTo(d.name);
      if (name) lines.push(fill(texts.nameChanged, name));
      const locale = fromTo(d.locale);
      const localeName = (value: unknown) =>
        value === "ja" || value === "en" ? catalogs[lang].language[value] : texts.localeBrowser;
      if (locale)
        lines.push(fill(texts.localeChanged, { from: localeName(locale.from), to: localeName(locale.to) }));
      return lines;
    }
    case "user.password":
      return [fill(texts.endedSessions, { count: d.endedSessions })];
    case "session.end_others":
      return [fill(texts.endedSessions, { count: d.ended })];
    case "user.email":
      return [fill(texts.emailChanged, { from: d.from, to: d.to })];
    case "membership.add":
      return [fill(texts.role, { role: role(d.role) })];
    case "membership.role":
      return [fill(texts.roleChanged, { from: role(d.from), to: role(d.to) })];
    case "membership.remove":
    case "token.revoke":
    case "comment.add":
      return [];
    case "token.create": {
      const scopes = Array.isArray(d.scopes)
        ? d.scopes.filter((s): s is string => typeof s === "string")
        : [];
      const names = scopes.map((scope) => {
        const key = scope.replace(":", "_");
        return key in catalog.scopeNames ? catalog.scopeNames[key as keyof typeof catalog.scopeNames] : scope;
      });
      return [
        fill(texts.tokenCreated, {
          role: role(d.role),
          scopes: names.length === 0 ? texts.allScopes : names.join(lang === "ja" ? "、" : ", "),
        }),
      ];
    }
    case "target.set": {
      const periodId = text(d.period) ?? "—";
      const period = parsePeriodId(periodId);
      const lines = [
        fill(texts.targetChanged, {
          period: period ? periodLabel(period, lang) : periodId,
          from: number(d.oldValue),
          to: number(d.newValue),
        }),
      ];
      const reason = oneOf(REASONS, d.reason);
      if (reason) lines.push(fill(texts.reason, { reason: catalog.audit.reasons[reason] }));
      return lines;
    }
    case "plan.create":
      return [fill(texts.planNodes, { count: d.nodes })];
    case "plan.replace":
      return [
        fill(texts.planReplaced, {
          added: d.nodesAdded,
          removed: d.nodesRemoved,
          changed: d.targetsChanged,
          targetsRemoved: d.targetsRemoved,
          version: d.fromVersion,
        }),
      ];
    case "plan.delete":
      return [fill(texts.planDeleted, { version: d.version })];
    case "measurements.ingest":
      return [
        fill(texts.ingested, {
          rows: d.rows,
          inserted: d.inserted,
          updated: d.updated,
          unchanged: d.unchanged,
        }),
        fill(texts.source, { source: sourceName(text(d.source), lang) }),
      ];
  }
  return Object.keys(d).length === 0 ? [] : [JSON.stringify(d)];
}

/**
 * Where imported actuals came from: the API's JSON, an uploaded file, the KPI file itself,
 * the command line or the demo; anything else as written.
 */
export function sourceName(source: string | null, lang: Lang): string {
  const texts = settingsTexts[lang].audit.details;
  if (source === null) return "—";
  if (source === "api:json") return texts.sourceJson;
  if (source === "file") return texts.sourceKpiFile;
  if (source === "demo") return texts.sourceDemo;
  if (source === "cli") return texts.sourceCli;
  if (source.startsWith("api:")) return fillText(texts.sourceFile, { name: source.slice(4) });
  return source;
}
