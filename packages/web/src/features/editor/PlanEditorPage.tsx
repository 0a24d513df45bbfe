import { type Plan, writeKpiFile } from "@shihyo/engine";
import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../api/client";
import { useSession } from "../../api/queries";
import type { PlanAndPeriod } from "../../app/usePlanAndPeriod";
import { Empty, LoadError, Loading } from "../../components/StateMessage";
import { currentLang, registerTexts } from "../../i18n/setupI18n";
import { type EditablePlan, PlanFileError, savePlan, useEditablePlan } from "./api";
import { checkDraft, type FieldIssue, issuesFromServer } from "./checkDraft";
import { diffPlans, isEmptyDiff } from "./diffPlans";
import { addNode, childRole, moveAmongSiblings, removeNode, reparent } from "./editTree";
import { FileTools, NewPlanFromFile } from "./FileTools";
import { NodeForm } from "./NodeForm";
import { NodeTree } from "./NodeTree";
import { PlanSettingsForm } from "./PlanSettingsForm";
import { type Draft, type DraftNode, draftFromPlan, planFromDraft, savedKey } from "./planDraft";
import { useLeaveGuard } from "./useLeaveGuard";
import "./editor.css";
import { editorTexts } from "./texts";

registerTexts("editor", editorTexts);

/** What the editor holds for one plan: the file it started from, the draft, what the server said. */
interface EditState {
  base: EditablePlan;
  draft: Draft;
  /** "plan" for the plan's own settings, else a node's key. */
  selected: string;
  serverIssues: FieldIssue[];
  /** The last save was refused because someone else saved first. */
  conflict: boolean;
  /** Set on leaving a plan's editor, so that coming back keeps unsaved work. */
  dirty: boolean;
}

const fresh = (base: EditablePlan): EditState => ({
  base,
  draft: draftFromPlan(base.plan),
  selected: "plan",
  serverIssues: [],
  conflict: false,
  dirty: false,
});

/** The plan editor (/plan): the tree, a form per node, the plan's calendar, and KPI files in and out. */
export default function PlanEditorPage({ selection }: { selection: PlanAndPeriod; nodeId?: string }) {
  const { t } = useTranslation();
  const session = useSession();
  const { plan } = selection;
  const editable = useEditablePlan(plan?.id);
  // Unsaved drafts of every plan opened here, so switching plans in the header loses nothing.
  const stash = useRef(new Map<string, EditState>());
  const role = session.data?.role ?? "viewer";
  const canCreate = role === "owner" || role === "admin";
  useLeaveGuard(() => [...stash.current.values()].some((s) => s.dirty), t("editor.leaveConfirm"));

  let body: React.ReactNode;
  if (selection.error) body = <LoadError error={selection.error} onRetry={selection.refetch} />;
  else if (selection.isPending) body = <Loading />;
  else if (!plan) body = <Empty title={t("common.noPlans")}>{t("editor.noPlansHint")}</Empty>;
  else if (editable.error)
    body = <LoadError error={editable.error} onRetry={() => void editable.refetch()} />;
  else if (!editable.data) body = <Loading />;
  else
    body = (
      <PlanEditor
        key={plan.id}
        planId={plan.id}
        loaded={editable.data}
        reload={async () => (await editable.refetch()).data}
        stash={stash.current}
        canEdit={role !== "viewer"}
        csrfToken={session.data?.csrfToken ?? null}
      />
    );

  return (
    <>
      <div className="page-head editor-head">
        <h1>{t("editor.title")}</h1>
        {canCreate && <NewPlanFromFile csrfToken={session.data?.csrfToken ?? null} selection={selection} />}
      </div>
      {body}
    </>
  );
}

function PlanEditor(props: {
  planId: string;
  loaded: EditablePlan;
  reload: () => Promise<EditablePlan | undefined>;
  stash: Map<string, EditState>;
  canEdit: boolean;
  csrfToken: string | null;
}) {
  const { planId, loaded, stash, canEdit, csrfToken } = props;
  const { t, i18n } = useTranslation();
  const lang = currentLang(i18n.language);
  const client = useQueryClient();
  const [state, setState] = useState<EditState>(() => stash.get(planId) ?? fresh(loaded));
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [focusField, setFocusField] = useState<{ field: string; row?: number } | null>(null);
  const { base, draft, selected } = state;

  // The file as the draft stands, checked by the engine; behind the typing when the plan is large.
  const deferred = useDeferredValue(draft);
  const check = useMemo(() => checkDraft(deferred, lang), [deferred, lang]);
  const current = useMemo(() => planFromDraft(draft).plan, [draft]);
  const diff = useMemo(() => diffPlans(base.plan, current), [base.plan, current]);
  const dirty = !isEmptyDiff(diff);
  const issues = useMemo(() => [...state.serverIssues, ...check.issues], [state.serverIssues, check.issues]);

  useEffect(() => {
    stash.set(planId, { ...state, dirty });
  }, [stash, planId, state, dirty]);

  // A newer file from the server (saved on another page or by someone else) replaces a draft
  // without changes; a draft with changes keeps its base, and saving it will say what happened.
  useEffect(() => {
    if (versionOf(loaded.etag) > versionOf(base.etag) && !dirty)
      setState((s) => ({ ...fresh(loaded), selected: s.selected }));
  }, [loaded, base.etag, dirty]);

  const setDraft = useCallback(
    (change: (draft: Draft) => Draft) => setState((s) => ({ ...s, draft: change(s.draft) })),
    [],
  );
  const select = (key: string, field?: { field: string; row?: number }) => {
    setState((s) => ({ ...s, selected: key }));
    setFocusField(field ?? null);
  };

  const updateNode = (key: string, patch: Partial<DraftNode>) =>
    setState((s) => ({
      ...s,
      draft: { ...s.draft, nodes: s.draft.nodes.map((n) => (n.key === key ? { ...n, ...patch } : n)) },
      // What the server said about a field no longer holds once it is changed.
      serverIssues: s.serverIssues.filter((i) => !(i.key === key && i.field in patch)),
    }));
  const updatePlan = (patch: Partial<Draft>) =>
    setState((s) => ({
      ...s,
      draft: { ...s.draft, ...patch },
      serverIssues: s.serverIssues.filter((i) => !(i.key === null && i.field in patch)),
    }));

  const nextKey = useRef(0);
  const newKey = () => {
    nextKey.current += 1;
    return `new:${Date.now().toString(36)}-${nextKey.current}`;
  };
  const add = (where: "child" | "sibling" | "root", of?: DraftNode) => {
    const key = newKey();
    setDraft((d) => {
      if (where === "root" || !of) return addNode(d, { key, role: "kgi", parent: "" });
      if (where === "child") return addNode(d, { key, role: childRole(of.role), parent: of.key });
      return addNode(d, { key, role: of.role, parent: of.parent, after: of.key });
    });
    select(key, { field: "id" });
  };
  const move = (key: string, step: -1 | 1) => setDraft((d) => moveAmongSiblings(d, key, step));
  const moveTo = (key: string, parentKey: string): boolean => {
    const result = reparent(state.draft, key, parentKey);
    if (!result.ok) {
      setNotice(t("editor.moveRefused"));
      return false;
    }
    setState((s) => ({ ...s, draft: result.draft }));
    setNotice(null);
    return true;
  };
  const remove = (key: string) => {
    const result = removeNode(state.draft, key);
    if (!result.ok) return result.usedBy;
    const node = state.draft.nodes.find((n) => n.key === key);
    setState((s) => ({ ...s, draft: result.draft, selected: node?.parent || "plan" }));
    setNotice(t("editor.deleted", { id: node?.id ?? "" }));
    return null;
  };

  const reset = (next: EditablePlan, keepSelection = true) =>
    setState((s) => {
      const selectedNode = s.draft.nodes.find((n) => n.key === s.selected);
      const found = selectedNode && next.plan.nodes.some((n) => n.id === selectedNode.id);
      return {
        ...fresh(next),
        selected: keepSelection && found ? savedKey(selectedNode.id) : "plan",
      };
    });

  const refreshOtherPages = () =>
    client.invalidateQueries({ predicate: (query) => query.queryKey[0] !== "session" });

  const save = async () => {
    setSaveError(null);
    setNotice(null);
    const latest = checkDraft(draft, lang);
    const blocking = latest.issues.length;
    if (blocking > 0) {
      setSaveError(t("editor.fixFirst", { count: blocking }));
      return;
    }
    const sentKeys = draft.nodes.map((n) => n.key);
    setSaving(true);
    try {
      const { etag } = await savePlan({ planId, file: latest.plan, etag: base.etag, csrfToken });
      reset({ plan: latest.plan, etag });
      setNotice(t("editor.saved"));
      await refreshOtherPages();
    } catch (error) {
      if (error instanceof ApiError && error.status === 412) {
        setState((s) => ({ ...s, conflict: true }));
      } else if (error instanceof PlanFileError && error.items.length > 0) {
        setState((s) => ({ ...s, serverIssues: issuesFromServer(error.items, sentKeys, s.draft) }));
        setSaveError(error.detail ?? t("editor.saveFailed"));
      } else {
        setSaveError(messageOf(error, t("editor.saveFailed"), t("common.networkError")));
      }
    } finally {
      setSaving(false);
    }
  };

  const reloadFromServer = async () => {
    const next = await props.reload();
    if (next) reset(next);
    setSaveError(null);
  };

  const discard = () => {
    if (!window.confirm(t("editor.discardConfirm"))) return;
    reset(base);
    setSaveError(null);
    setNotice(null);
  };

  const selectedNode = draft.nodes.find((n) => n.key === selected);
  const nodeIssues = (key: string | null) => issues.filter((i) => i.key === key);
  const changeCount =
    diff.added.length +
    diff.removed.length +
    diff.changed.length +
    (diff.name ? 1 : 0) +
    (diff.calendar ? 1 : 0) +
    (diff.reordered && diff.changed.length === 0 ? 1 : 0);

  return (
    <div className="editor">
      <section className="editor-bar" aria-label={t("editor.saveBar")}>
        <p className="editor-status" role="status">
          {dirty ? (
            <span className="status status-warn">{t("editor.unsaved", { count: changeCount })}</span>
          ) : (
            <span className="status status-good">{t("editor.noChanges")}</span>
          )}
          {issues.length > 0 && (
            <span className="status status-bad">{t("editor.problemCount", { count: issues.length })}</span>
          )}
        </p>
        <div className="editor-actions">
          {canEdit && (
            <>
              <button type="button" onClick={discard} disabled={!dirty || saving}>
                {t("editor.discard")}
              </button>
              <button
                type="button"
                className="primary"
                onClick={() => void save()}
                disabled={!dirty || saving}
              >
                {saving ? t("editor.saving") : t("editor.save")}
              </button>
            </>
          )}
        </div>
      </section>

      {!canEdit && <p className="editor-readonly">{t("editor.readOnly")}</p>}
      {notice && (
        <p className="editor-notice" role="status">
          {notice}
        </p>
      )}
      {state.conflict && (
        <div className="form-error editor-conflict" role="alert">
          <p>{t("editor.conflict")}</p>
          <div className="editor-actions">
            <button type="button" onClick={() => void reloadFromServer()}>
              {t("editor.conflictReload")}
            </button>
            <DownloadDraft plan={current} label={t("editor.downloadDraft")} />
          </div>
        </div>
      )}
      {saveError && (
        <div className="form-error" role="alert">
          <p>{saveError}</p>
        </div>
      )}
      {issues.length > 0 && (
        <IssueList
          issues={issues}
          draft={draft}
          onGo={(issue) => select(issue.key ?? "plan", { field: issue.field, row: issue.row })}
        />
      )}

      <div className="editor-layout">
        <NodeTree
          draft={draft}
          selected={selected}
          diff={diff}
          issues={issues}
          canEdit={canEdit}
          onSelect={(key) => select(key)}
          onMove={move}
          onMoveTo={moveTo}
          onAddRoot={() => add("root")}
        />
        <div className="editor-pane">
          {selectedNode ? (
            <NodeForm
              key={selectedNode.key}
              node={selectedNode}
              draft={draft}
              issues={nodeIssues(selectedNode.key)}
              canEdit={canEdit}
              focusField={focusField}
              onFocused={() => setFocusField(null)}
              onChange={(patch) => updateNode(selectedNode.key, patch)}
              onMove={(step) => move(selectedNode.key, step)}
              onMoveTo={(parentKey) => moveTo(selectedNode.key, parentKey)}
              onAdd={(where) => add(where, selectedNode)}
              onRemove={() => remove(selectedNode.key)}
            />
          ) : (
            <PlanSettingsForm
              draft={draft}
              issues={nodeIssues(null)}
              canEdit={canEdit}
              focusField={focusField}
              onFocused={() => setFocusField(null)}
              onChange={updatePlan}
            />
          )}
          <FileTools
            planId={planId}
            base={base}
            dirty={dirty}
            canEdit={canEdit}
            csrfToken={csrfToken}
            onReplaced={async () => {
              await reloadFromServer();
              setNotice(t("editor.replaced"));
              await refreshOtherPages();
            }}
            onConflict={() => setState((s) => ({ ...s, conflict: true }))}
          />
        </div>
      </div>
    </div>
  );
}

/** The problems of the whole draft, each a button to the field it is about. */
function IssueList({
  issues,
  draft,
  onGo,
}: {
  issues: FieldIssue[];
  draft: Draft;
  onGo: (issue: FieldIssue) => void;
}) {
  const { t } = useTranslation();
  const shown = issues.slice(0, 20);
  const where = (issue: FieldIssue) => {
    const node = issue.key === null ? null : draft.nodes.find((n) => n.key === issue.key);
    const field = t(`editor.fieldNames.${issue.field}` as "editor.fieldNames.name", {
      defaultValue: issue.field,
    });
    return node ? `${node.name || node.id} › ${field}` : `${t("editor.planSettings")} › ${field}`;
  };
  return (
    <section className="editor-issues" aria-labelledby="editor-issues-heading">
      <h2 id="editor-issues-heading">{t("editor.issuesHeading", { count: issues.length })}</h2>
      <ul>
        {shown.map((issue) => (
          <li key={`${issue.source}|${issue.key}|${issue.field}|${issue.row ?? ""}|${issue.message}`}>
            <button type="button" className="link-button" onClick={() => onGo(issue)}>
              {where(issue)}
            </button>
            {issue.source === "server" && <span className="role-tag">{t("editor.fromServer")}</span>}{" "}
            <span>{issue.message}</span>
          </li>
        ))}
      </ul>
      {issues.length > shown.length && (
        <p className="muted">{t("editor.moreIssues", { count: issues.length - shown.length })}</p>
      )}
    </section>
  );
}

/** The draft as a YAML file, for keeping one's work when the plan changed underneath. */
function DownloadDraft({ plan, label }: { plan: Plan; label: string }) {
  const download = () => {
    const url = URL.createObjectURL(new Blob([writeKpiFile(plan)], { type: "application/yaml" }));
    const a = document.createElement("a");
    a.href = url;
    a.download = "plan-draft.yaml";
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };
  return (
    <button type="button" onClick={download}>
      {label}
    </button>
  );
}

/** An ETag of this API is the version in quotes. */
const versionOf = (etag: string) => Number(/\d+/.exec(etag)?.[0] ?? 0);

function messageOf(error: unknown, fallback: string, network: string): string {
  if (error instanceof ApiError) return error.code === "network" ? network : (error.detail ?? fallback);
  return fallback;
}
