import { type Calendar, dayFromIso, GRAINS, type Grain } from "@shihyo/engine";
import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useId, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../api/client";
import { usePlanFile, usePlanNodes, useSession } from "../../api/queries";
import type { Session } from "../../api/types";
import type { PlanAndPeriod } from "../../app/usePlanAndPeriod";
import { PeriodPicker } from "../../components/PeriodPicker";
import { Empty, LoadError, Loading } from "../../components/StateMessage";
import { dateIn, periodId, periodLabel } from "../../format/fiscalPeriod";
import { formatValue } from "../../format/formatValue";
import { currentLang, registerTexts } from "../../i18n/setupI18n";
import { departmentName } from "../../view/planView";
import {
  type EntryNode,
  MeasurementProblem,
  refreshAfterWrite,
  type StoredMeasurement,
  sendMeasurements,
  usePlanSegments,
  useStoredValues,
} from "./api";
import {
  type Drafts,
  draftCount,
  rowKey,
  rowsToSave,
  type SaveRow,
  splitRowKey,
  withDraft,
  withoutSaved,
  withSavedRows,
} from "./drafts";
import { type CellEdit, cellKey, EntryGrid, useRowLabel } from "./EntryGrid";
import { engineCalendar, periodColumns, startColumn } from "./periodColumns";
import { SegmentForm } from "./SegmentForm";
import { entryRows, mergeSegmentNames } from "./segmentRows";
import {
  draftsStorageKey,
  forgetStoredDrafts,
  readStoredDrafts,
  restorableDrafts,
  restorableSegments,
  type StoredDrafts,
  writeStoredDrafts,
} from "./storedDrafts";
import { UploadPanel } from "./UploadPanel";
import { useLeaveWarning } from "./useLeaveWarning";
import { useSwitchGuard } from "./useSwitchGuard";
import "./entry.css";
import { entryTexts } from "./texts";

registerTexts("entry", entryTexts);

/** The data-entry page (/entry): a grid of actuals for the KPIs one owns, and file imports. */
export default function DataEntryPage({ selection }: { selection: PlanAndPeriod; nodeId?: string }) {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const { plan, period, calendar } = selection;
  const nodes = usePlanNodes(plan?.id);
  const file = usePlanFile(plan?.id);

  if (selection.error) return <LoadError error={selection.error} onRetry={selection.refetch} />;
  if (selection.isPending) return <Loading />;
  if (!plan || !period || !calendar)
    return <Empty title={t("common.noPlans")}>{t("common.noPlansHint")}</Empty>;

  return (
    <>
      <div className="page-head">
        <h1>{t("entry.title")}</h1>
      </div>
      <p className="muted entry-lead">{t("entry.lead")}</p>
      <PeriodPicker period={period} calendar={calendar} onChange={selection.selectPeriod} />
      {nodes.error || file.error ? (
        <LoadError
          error={(nodes.error ?? file.error)!}
          onRetry={() => {
            void nodes.refetch();
            void file.refetch();
          }}
        />
      ) : nodes.isPending || file.isPending || !session.data ? (
        <Loading />
      ) : (
        // A new plan starts with no drafts (they name that plan's nodes).
        <EntryWorkspace
          key={plan.id}
          planId={plan.id}
          periodId={periodId(period)}
          periodName={periodLabel(period, currentLang(i18n.language))}
          calendar={engineCalendar(file.data?.calendar as Partial<Calendar> | undefined)}
          // The nodes endpoint gives grain and `measured` too; the shared PlanNode type leaves them out.
          nodes={nodes.data as EntryNode[]}
          session={session.data}
        />
      )}
    </>
  );
}

type Filter = "mine" | "all" | `department:${string}`;

interface WorkspaceProps {
  planId: string;
  periodId: string;
  periodName: string;
  calendar: Calendar;
  nodes: EntryNode[];
  session: Session;
}

function EntryWorkspace({
  planId,
  periodId: shownPeriod,
  periodName,
  calendar,
  nodes,
  session,
}: WorkspaceProps) {
  const { t, i18n } = useTranslation();
  const lang = currentLang(i18n.language);
  const client = useQueryClient();
  const readOnly = session.role === "viewer";
  const filterId = useId();
  const headingId = useId();

  // Rows: the KPIs that take actuals (no formula, or measured as well as modelled).
  const measured = useMemo(() => nodes.filter((n) => n.measured && n.role !== "ksf"), [nodes]);
  const user = session.user;
  const mine = useMemo(
    () =>
      measured.filter(
        (n) => n.owner !== undefined && user !== null && (n.owner === user.email || n.owner === user.name),
      ),
    [measured, user],
  );
  const departments = useMemo(
    () => [...new Set(measured.flatMap((n) => (n.department ? [n.department] : [])))],
    [measured],
  );
  // A filter the page can show now ("mine" only with KPIs of one's own, a department still listed).
  const filterFits = (value: string | null): value is Filter =>
    value === "all" ||
    (value === "mine" && mine.length > 0) ||
    (value?.startsWith("department:") === true && departments.includes(value.slice("department:".length)));

  // Unsaved cells this tab kept for the shown period (the Back button unmounts the page without
  // asking): read when the page opens and when the drafts move to another period, put back once
  // the stored values are known (to drop those saved meanwhile). The view they were typed in
  // (grain, filter) comes back with them, so that they are on screen.
  const storageKey = (period: string) =>
    draftsStorageKey({ org: session.org.id, user: session.user?.id ?? null, plan: planId, period });
  const [restoring, setRestoring] = useState<StoredDrafts | null>(() =>
    readOnly ? null : readStoredDrafts(storageKey(shownPeriod)),
  );
  const [filter, setFilter] = useState<Filter>(() =>
    restoring && filterFits(restoring.filter) ? restoring.filter : mine.length > 0 ? "mine" : "all",
  );
  const shown = useMemo(() => {
    if (filter === "mine") return mine;
    if (filter === "all") return measured;
    const department = filter.slice("department:".length);
    return measured.filter((n) => n.department === department);
  }, [filter, mine, measured]);

  // One grain at a time: a day column and a month column side by side would not read as one table.
  const grains = GRAINS.filter((g) => shown.some((n) => n.grain === g));
  const [chosenGrain, setGrain] = useState<Grain | null>(() => restoring?.grain ?? null);
  const grain: Grain | undefined =
    chosenGrain && grains.includes(chosenGrain) ? chosenGrain : (shown[0]?.grain as Grain);
  const gridNodes = useMemo(() => shown.filter((n) => n.grain === grain), [shown, grain]);

  const today = useMemo(() => {
    const d = dateIn(calendar.timezone, new Date());
    return dayFromIso(`${d.year}-${String(d.month).padStart(2, "0")}-${String(d.day).padStart(2, "0")}`)!;
  }, [calendar.timezone]);
  const columns = useMemo(
    () => (grain ? periodColumns(shownPeriod, grain, calendar, today, lang) : []),
    [shownPeriod, grain, calendar, today, lang],
  );
  const byId = useMemo(() => new Map(nodes.map((n) => [n.id, n])), [nodes]);
  // The grid's nodes, and the weights of those that are weighted means (their segment totals need them).
  const ranges = useMemo(() => {
    if (columns.length === 0) return [];
    const ids = new Set(gridNodes.map((n) => n.id));
    for (const n of gridNodes)
      if (n.aggregation === "weighted_average" && n.weight && byId.get(n.weight)?.grain === n.grain)
        ids.add(n.weight);
    return [...ids].map((node) => ({ node, from: columns[0]!.id, to: columns.at(-1)!.id }));
  }, [gridNodes, columns, byId]);
  const stored = useStoredValues(planId, ranges);
  // A node's segments from every period, not only the shown one (SEMANTICS §2.1: a total typed
  // beside segments would be counted with them).
  const segments = usePlanSegments(planId);

  const [drafts, setDrafts] = useState<Drafts>({});
  const [serverProblems, setServerProblems] = useState<ReadonlyMap<string, string>>(new Map());
  const [notice, setNotice] = useState<{
    kind: "ok" | "error" | "restored";
    text: string;
    detail?: string | null;
  } | null>(null);
  const [saving, setSaving] = useState(false);
  // Segments added by name, by node: kept from period to period (not saved until a value is).
  const [added, setAdded] = useState<Readonly<Record<string, readonly string[]>>>({});
  const unsaved = draftCount(drafts);
  useLeaveWarning(unsaved > 0, t("entry.grid.leaveWarning"));
  // The stored copy of the drafts goes with them (the key of the period they belong to).
  const keptAt = useRef("");
  const discardAll = useCallback(() => {
    setDrafts({});
    setServerProblems(new Map());
    setNotice(null);
    forgetStoredDrafts(keptAt.current);
  }, []);
  useSwitchGuard(unsaved > 0, t("entry.grid.switchWarning", { count: unsaved }), discardAll);
  // Drafts belong to the period they were typed in. The pickers ask before a switch (and
  // discard on yes); the browser's back and forward buttons change the period without asking
  // first, so the question comes just after, and "no" puts the period back.
  const [draftsPeriod, setDraftsPeriod] = useState(shownPeriod);
  if (draftsPeriod !== shownPeriod && unsaved === 0) setDraftsPeriod(shownPeriod);
  const [readFor, setReadFor] = useState(shownPeriod);
  if (readFor !== draftsPeriod && !readOnly) {
    setReadFor(draftsPeriod);
    const found = readStoredDrafts(storageKey(draftsPeriod));
    setRestoring(found);
    if (found) {
      setGrain(found.grain);
      if (filterFits(found.filter)) setFilter(found.filter);
    }
  }
  const historyWarning = t("entry.grid.historyWarning", { count: unsaved });
  useEffect(() => {
    if (draftsPeriod === shownPeriod) return;
    if (window.confirm(historyWarning)) {
      discardAll();
      setDraftsPeriod(shownPeriod);
      return;
    }
    const back = new URL(window.location.href);
    back.searchParams.set("period", draftsPeriod);
    window.history.pushState(window.history.state, "", back);
  }, [draftsPeriod, shownPeriod, historyWarning, discardAll]);

  // Rows a save has written, shown as stored until the stored values are read back.
  const [justSaved, setJustSaved] = useState<readonly SaveRow[]>([]);
  const storedValues = useMemo(() => withSavedRows(stored.values, justSaved), [stored.values, justSaved]);

  // Back in this tab's storage as they change: written when there are drafts, forgotten when the
  // last goes (saved, discarded, typed back) — not when the period changes under empty drafts,
  // which would forget the next period's kept cells before they are read.
  const key = storageKey(draftsPeriod);
  keptAt.current = key;
  const writtenAt = useRef(key);
  useEffect(() => {
    if (readOnly || restoring) return;
    const sameKey = writtenAt.current === key;
    writtenAt.current = key;
    if (draftCount(drafts) > 0) writeStoredDrafts(key, { drafts, added, grain: grain ?? null, filter });
    else if (sameKey) forgetStoredDrafts(key);
  }, [key, drafts, added, grain, filter, readOnly, restoring]);

  useEffect(() => {
    if (!restoring || stored.isPending || segments.isPending) return;
    setRestoring(null);
    if (unsaved > 0) return; // typed meanwhile: what is on screen wins, and is written over the copy
    const checked = stored.error
      ? { nodes: new Set<string>(), periods: new Set<string>() }
      : { nodes: new Set(ranges.map((r) => r.node)), periods: new Set(columns.map((c) => c.id)) };
    const back = restorableDrafts(restoring.drafts, { nodes: measured, stored: storedValues, checked });
    const count = draftCount(back);
    if (count === 0) {
      forgetStoredDrafts(key);
      return;
    }
    setDrafts(back);
    setAdded(restorableSegments(restoring.added, measured));
    setNotice({ kind: "restored", text: t("entry.grid.restored", { count }) });
  }, [
    restoring,
    stored.isPending,
    stored.error,
    segments.isPending,
    unsaved,
    ranges,
    columns,
    measured,
    storedValues,
    key,
    t,
  ]);
  const collator = useMemo(() => new Intl.Collator(lang), [lang]);
  const known = useMemo(() => mergeSegmentNames(segments.data?.nodes, added), [segments.data, added]);
  const rows = useMemo(
    () => entryRows(gridNodes, storedValues, drafts, known, collator.compare),
    [gridNodes, storedValues, drafts, known, collator],
  );
  const rowLabel = useRowLabel();
  const onEdit = useCallback(
    (edits: CellEdit[]) => {
      setDrafts((current) =>
        edits.reduce(
          (next, edit) =>
            withDraft(
              next,
              edit,
              storedValues[edit.row]?.[edit.period] ?? null,
              byId.get(splitRowKey(edit.row).node)?.unit,
            ),
          current,
        ),
      );
      setServerProblems((problems) => {
        if (problems.size === 0) return problems;
        const next = new Map(problems);
        for (const edit of edits) next.delete(cellKey(edit.row, edit.period));
        return next;
      });
    },
    [storedValues, byId],
  );
  const onNotice = useCallback((text: string) => setNotice({ kind: "ok", text }), []);

  const signedOut = () => client.setQueryData(["session"], null);

  async function save() {
    const sent = drafts;
    const { rows: toSend, problems } = rowsToSave(sent, measured, storedValues);
    if (problems.length > 0) {
      setNotice({ kind: "error", text: t("entry.grid.fixFirst", { count: problems.length }) });
      return;
    }
    if (toSend.length === 0) return;
    setSaving(true);
    setNotice(null);
    try {
      const result = await sendMeasurements({
        planId,
        payload: { kind: "rows", rows: toSend as StoredMeasurement[] },
        dryRun: false,
        csrfToken: session.csrfToken,
      });
      setServerProblems(new Map());
      setNotice({ kind: "ok", text: t("entry.grid.saved", { ...result }) });
      // Saved means no longer unsaved, at once (leaving asks nothing from here on): the cells
      // show the saved values as stored until the stored values are read back.
      setJustSaved(toSend);
      setDrafts((current) => withoutSaved(current, sent, toSend));
      await refreshAfterWrite(client);
      setJustSaved([]);
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) signedOut();
      // The server names rows by their place in what was sent: `rows[3].value`.
      const problems = new Map<string, string>();
      if (error instanceof MeasurementProblem)
        for (const row of error.rows) {
          const index = /^rows\[(\d+)\]/.exec(row.path)?.[1];
          const sent = index === undefined ? undefined : toSend[Number(index)];
          if (sent) problems.set(cellKey(rowKey(sent.node, sent.segment ?? ""), sent.period), row.message);
        }
      setServerProblems(problems);
      setNotice({
        kind: "error",
        text: t("entry.grid.saveFailed"),
        detail:
          error instanceof ApiError
            ? error.code === "network"
              ? t("common.networkError")
              : error.detail
            : null,
      });
    } finally {
      setSaving(false);
    }
  }

  function discard() {
    if (unsaved > 0 && !window.confirm(t("entry.grid.discardConfirm", { count: unsaved }))) return;
    discardAll();
  }

  // Every cell that would stop a save, as it is typed (the grid marks them too), then the server's word.
  const typedProblems = useMemo(
    () => rowsToSave(drafts, measured, storedValues).problems,
    [drafts, measured, storedValues],
  );
  // A problem's row named as the grid names it ("KPI", or "KPI・segment").
  const nameOf = (key: string) => {
    const { node, segment } = splitRowKey(key);
    const n = byId.get(node);
    if (!n) return node;
    return rowLabel({
      key,
      node: n,
      kind:
        segment !== ""
          ? "segment"
          : rows.some((r) => r.key === key && r.kind === "unsegmented")
            ? "unsegmented"
            : "own",
      segment,
    });
  };
  const problemList = [
    ...typedProblems.map((p) => ({
      key: cellKey(p.row, p.period),
      row: p.row,
      period: p.period,
      message:
        p.check.kind === "notNumber"
          ? t("entry.grid.notNumber", { text: drafts[p.row]?.[p.period] ?? "" })
          : t("entry.grid.cannotDelete", {
              value: formatValue(p.check.stored, byId.get(p.node)?.unit, lang),
            }),
    })),
    ...[...serverProblems].map(([key, message]) => {
      const [row, period] = key.split("\u0000") as [string, string];
      return { key, row, period, message };
    }),
  ];

  return (
    <>
      <section className="card entry-section" aria-labelledby={headingId}>
        <h2 id={headingId}>{t("entry.grid.heading")}</h2>
        <div className="entry-toolbar">
          <label htmlFor={filterId} className="entry-filter">
            <span>{t("entry.grid.show")}</span>
            <select id={filterId} value={filter} onChange={(e) => setFilter(e.target.value as Filter)}>
              {mine.length > 0 && (
                <option value="mine">{t("entry.grid.mine", { count: mine.length })}</option>
              )}
              <option value="all">{t("entry.grid.all", { count: measured.length })}</option>
              {departments.map((d) => (
                <option key={d} value={`department:${d}`}>
                  {t("entry.grid.department", {
                    name: departmentName(d, lang),
                    count: measured.filter((n) => n.department === d).length,
                  })}
                </option>
              ))}
            </select>
          </label>
          {grains.length > 0 && (
            <fieldset className="segmented">
              <legend className="visually-hidden">{t("entry.grid.grain")}</legend>
              {grains.map((g) => (
                <button key={g} type="button" aria-pressed={g === grain} onClick={() => setGrain(g)}>
                  {t(`entry.grains.${g}`)}
                </button>
              ))}
            </fieldset>
          )}
          <span className="entry-unsaved" aria-live="polite">
            {unsaved > 0 ? t("entry.grid.unsavedCount", { count: unsaved }) : t("entry.grid.noChanges")}
          </span>
          {!readOnly && (
            <span className="entry-actions">
              <button type="button" onClick={discard} disabled={unsaved === 0 || saving}>
                {t("entry.grid.discard")}
              </button>
              <button
                type="button"
                className="primary"
                onClick={() => void save()}
                disabled={unsaved === 0 || saving}
              >
                {saving ? t("entry.grid.saving") : t("entry.grid.save")}
              </button>
            </span>
          )}
        </div>
        {readOnly && <p className="muted">{t("entry.grid.readOnly")}</p>}
        {!readOnly && <p className="muted entry-keys">{t("entry.grid.keys")}</p>}
        {gridNodes.some((n) => n.unit === "percent") && (
          <p className="muted entry-keys">{t("entry.grid.percentHint")}</p>
        )}

        {gridNodes.length === 0 || !grain ? (
          <Empty title={t("entry.grid.noKpis")}>{t("entry.grid.noKpisHint")}</Empty>
        ) : stored.error || segments.error ? (
          <LoadError
            error={(stored.error ?? segments.error)!}
            onRetry={() => {
              stored.refetch();
              void segments.refetch();
            }}
          />
        ) : stored.isPending || segments.isPending ? (
          <p className="state-message" role="status">
            {t("entry.grid.loadingValues")}
          </p>
        ) : (
          <EntryGrid
            key={`${grain} ${shownPeriod} ${filter}`}
            caption={t("entry.grid.caption", { period: periodName, grain: t(`entry.grains.${grain}`) })}
            rows={rows}
            columns={columns}
            stored={storedValues}
            drafts={drafts}
            serverProblems={serverProblems}
            readOnly={readOnly}
            lang={lang}
            startColumn={startColumn(columns)}
            onEdit={onEdit}
            onNotice={onNotice}
          />
        )}
        {!readOnly && gridNodes.length > 0 && !stored.isPending && !stored.error && segments.isSuccess && (
          <SegmentForm
            nodes={gridNodes}
            rows={rows}
            stored={storedValues}
            onAdd={(node, segment) => {
              setAdded((current) => ({ ...current, [node.id]: [...(current[node.id] ?? []), segment] }));
              setNotice({
                kind: "ok",
                text: t("entry.segments.added", { node: node.name ?? node.id, segment }),
              });
            }}
          />
        )}

        {notice && (notice.kind !== "restored" || unsaved > 0) && (
          <div
            className={notice.kind === "error" ? "entry-notice error" : "entry-notice"}
            role={notice.kind === "error" ? "alert" : "status"}
          >
            <p>{notice.text}</p>
            {notice.detail && <p>{notice.detail}</p>}
            {notice.kind === "restored" && (
              <p>
                <button type="button" onClick={discard} disabled={saving}>
                  {t("entry.grid.discardRestored")}
                </button>
              </p>
            )}
          </div>
        )}
        {problemList.length > 0 && (
          <div className="entry-problems">
            <h3>{t("entry.grid.problemsHeading")}</h3>
            <ul>
              {problemList.map((p) => (
                <li key={p.key}>
                  {t("entry.grid.problem", {
                    node: nameOf(p.row),
                    period: p.period,
                    message: p.message,
                  })}
                </li>
              ))}
            </ul>
          </div>
        )}
      </section>
      <UploadPanel
        planId={planId}
        csrfToken={session.csrfToken}
        readOnly={readOnly}
        nodes={byId}
        lang={lang}
        onSignedOut={signedOut}
      />
    </>
  );
}
