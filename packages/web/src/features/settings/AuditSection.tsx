import { useId, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "wouter";
import { usePlans } from "../../api/queries";
import type { Role } from "../../api/types";
import { Empty, LoadError, Loading } from "../../components/StateMessage";
import { currentLang } from "../../i18n/setupI18n";
import { type AuditFilter, useAuditLog, useMembers, usePlansNodes, useTokens } from "./api";
import {
  AUDIT_KIND_NAMES,
  AUDIT_KINDS,
  type AuditEntry,
  type AuditKind,
  type AuditLookups,
  type AuditRow,
  describeAuditEntry,
} from "./auditEntry";
import { mayAdminister } from "./permissions";

/** Who the log is filtered to: anyone, a member (`user:<id>`) or a token (`token:<id>`). */
type ActorChoice = "" | `user:${string}` | `token:${string}`;

function filterOf(kind: AuditKind | "", actor: ActorChoice): AuditFilter {
  return {
    actions: kind === "" ? null : AUDIT_KINDS[kind],
    userId: actor.startsWith("user:") ? actor.slice(5) : null,
    tokenId: actor.startsWith("token:") ? actor.slice(6) : null,
  };
}

/**
 * The organisation's audit log (admins and owners): who changed what and when, newest
 * first, in words; filtered by kind of change and by who did it (on the server), a page at
 * a time.
 */
export function AuditSection({ id, role }: { id: string; role: Role }) {
  const { t } = useTranslation();
  const admin = mayAdminister(role);
  return (
    <section id={id} aria-labelledby={`${id}-title`} className="settings-section">
      <h2 id={`${id}-title`}>{t("settings.audit.title")}</h2>
      <p className="muted">{t("settings.audit.lead")}</p>
      {admin ? <AuditLog /> : <p className="settings-why">{t("settings.audit.adminOnly")}</p>}
    </section>
  );
}

function AuditLog() {
  const { t, i18n } = useTranslation();
  const lang = currentLang(i18n.language);
  const kindId = useId();
  const actorId = useId();
  const [kind, setKind] = useState<AuditKind | "">("");
  const [actor, setActor] = useState<ActorChoice>("");
  const filter = useMemo(() => filterOf(kind, actor), [kind, actor]);
  const log = useAuditLog(filter, true);
  const members = useMembers();
  const tokens = useTokens(true);
  const plans = usePlans();

  const entries = useMemo(() => log.data?.pages.flatMap((page) => page.entries) ?? [], [log.data]);
  const planIds = useMemo(() => {
    const known = new Set(plans.data?.map((p) => p.id));
    return [...new Set(entries.flatMap(planOf))].filter((planId) => known.has(planId)).sort();
  }, [entries, plans.data]);
  const nodes = usePlansNodes(planIds);

  const lookups: AuditLookups = useMemo(() => {
    const names = new Map<string, Map<string, string>>();
    planIds.forEach((planId, i) => {
      const list = nodes[i];
      if (list) names.set(planId, new Map(list.map((node) => [node.id, node.name ?? node.id])));
    });
    return {
      members: new Map(members.data?.map((m) => [m.userId, { name: m.name, email: m.email }])),
      people: new Map(log.data?.pages.flatMap((page) => Object.entries(page.users))),
      tokens: new Map(tokens.data?.map((token) => [token.id, { name: token.name }])),
      plans: new Map(plans.data?.map((p) => [p.id, { name: p.name }])),
      nodeName: (planId, nodeId) => names.get(planId)?.get(nodeId),
    };
  }, [members.data, tokens.data, plans.data, planIds, nodes, log.data]);
  const rows = useMemo(
    () => entries.map((entry) => describeAuditEntry(entry, lookups, lang)),
    [entries, lookups, lang],
  );
  const filtered = kind !== "" || actor !== "";

  return (
    <>
      <fieldset className="filter-bar audit-filters">
        <legend className="visually-hidden">{t("settings.audit.filters")}</legend>
        <span className="filter">
          <label htmlFor={kindId}>{t("settings.audit.kind")}</label>
          <select id={kindId} value={kind} onChange={(e) => setKind(e.target.value as AuditKind | "")}>
            <option value="">{t("settings.audit.allKinds")}</option>
            {AUDIT_KIND_NAMES.map((k) => (
              <option key={k} value={k}>
                {t(`settings.audit.kinds.${k}`)}
              </option>
            ))}
          </select>
        </span>
        <span className="filter">
          <label htmlFor={actorId}>{t("settings.audit.actor")}</label>
          <select id={actorId} value={actor} onChange={(e) => setActor(e.target.value as ActorChoice)}>
            <option value="">{t("settings.audit.allActors")}</option>
            {members.data && members.data.length > 0 && (
              <optgroup label={t("settings.audit.membersGroup")}>
                {members.data.map((m) => (
                  <option key={m.userId} value={`user:${m.userId}`}>
                    {m.name} ({m.email})
                  </option>
                ))}
              </optgroup>
            )}
            {tokens.data && tokens.data.length > 0 && (
              <optgroup label={t("settings.audit.tokensGroup")}>
                {tokens.data.map((token) => (
                  <option key={token.id} value={`token:${token.id}`}>
                    {token.name}
                  </option>
                ))}
              </optgroup>
            )}
          </select>
        </span>
        <button type="button" disabled={log.isFetching} onClick={() => void log.refetch()}>
          {t("settings.audit.refresh")}
        </button>
      </fieldset>
      {log.data === undefined ? (
        log.error ? (
          <LoadError error={log.error} onRetry={() => void log.refetch()} />
        ) : (
          <Loading />
        )
      ) : rows.length === 0 ? (
        <Empty title={t(filtered ? "settings.audit.emptyFiltered" : "settings.audit.empty")} />
      ) : (
        <>
          <AuditTable rows={rows} />
          <div className="audit-more">
            <p role="status" className="muted">
              {t(log.hasNextPage ? "settings.audit.shown" : "settings.audit.allShown", {
                count: rows.length,
              })}
            </p>
            {log.isFetchNextPageError && log.error ? (
              <LoadError error={log.error} onRetry={() => void log.fetchNextPage()} />
            ) : (
              log.hasNextPage && (
                <button
                  type="button"
                  disabled={log.isFetchingNextPage}
                  onClick={() => void log.fetchNextPage()}
                >
                  {log.isFetchingNextPage ? t("settings.audit.loadingMore") : t("settings.audit.loadMore")}
                </button>
              )
            )}
          </div>
        </>
      )}
    </>
  );
}

/** The plans an entry is about (to name its KPIs). */
function planOf(entry: AuditEntry): string[] {
  if (entry.entity === "plan") return [entry.entityId];
  const planId = entry.detail.planId;
  return typeof planId === "string" ? [planId] : [];
}

function AuditTable({ rows }: { rows: AuditRow[] }) {
  const { t } = useTranslation();
  return (
    <div className="settings-table-wrap">
      <table className="settings-table audit-table">
        <thead>
          <tr>
            <th scope="col">{t("settings.audit.when")}</th>
            <th scope="col">{t("settings.audit.who")}</th>
            <th scope="col">{t("settings.audit.what")}</th>
            <th scope="col">{t("settings.audit.on")}</th>
            <th scope="col">{t("settings.audit.detail")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              <td className="audit-when">
                <time dateTime={row.at}>{row.when}</time>
              </td>
              <td>
                {row.who.name}
                {row.who.email && <span className="audit-email muted">{row.who.email}</span>}
              </td>
              <th scope="row">{row.what}</th>
              <td>
                {row.subject &&
                  (row.subject.href ? (
                    <Link href={row.subject.href}>{row.subject.text}</Link>
                  ) : (
                    row.subject.text
                  ))}
              </td>
              <td>
                {row.details.length > 0 && (
                  <ul className="audit-details">
                    {row.details.map((line, i) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: the lines of one entry never move
                      <li key={i}>{line}</li>
                    ))}
                  </ul>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
