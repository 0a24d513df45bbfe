import { type DragEvent, type KeyboardEvent, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { FieldIssue } from "./checkDraft";
import type { PlanDiff } from "./diffPlans";
import { childrenOf, descendantsOf } from "./editTree";
import type { Draft, DraftNode } from "./planDraft";

interface Props {
  draft: Draft;
  selected: string;
  diff: PlanDiff;
  issues: FieldIssue[];
  canEdit: boolean;
  onSelect: (key: string) => void;
  onMove: (key: string, step: -1 | 1) => void;
  onMoveTo: (key: string, parentKey: string) => boolean;
  onAddRoot: () => void;
}

/**
 * The plan as an indented list (KGI → KSF → KPI). ↑/↓ go from node to node, Alt+↑/↓ move
 * the node among its siblings; a node dragged onto another becomes its child.
 */
export function NodeTree(props: Props) {
  const { draft, selected, canEdit } = props;
  const { t } = useTranslation();
  const list = useRef<HTMLDivElement>(null);
  const [dragging, setDragging] = useState<string | null>(null);
  const [dropOn, setDropOn] = useState<string | null>(null);
  const [refocus, setRefocus] = useState<string | null>(null);

  // A moved row is re-inserted in the page, which takes the focus away from it: give it back.
  useEffect(() => {
    if (refocus === null) return;
    list.current?.querySelector<HTMLButtonElement>(`[data-key="${CSS.escape(refocus)}"]`)?.focus();
    setRefocus(null);
  }, [refocus]);

  const keys = new Set(draft.nodes.map((n) => n.key));
  const roots = draft.nodes.filter((n) => n.parent === "" || !keys.has(n.parent));
  const changed = new Set(props.diff.changed.map((c) => c.id));
  const issueCount = new Map<string, number>();
  for (const issue of props.issues)
    if (issue.key !== null) issueCount.set(issue.key, (issueCount.get(issue.key) ?? 0) + 1);
  const planIssues = props.issues.filter((i) => i.key === null).length;
  const blocked =
    dragging === null ? new Set<string>() : new Set([dragging, ...descendantsOf(draft.nodes, dragging)]);

  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>, key: string) => {
    if (event.key !== "ArrowUp" && event.key !== "ArrowDown") return;
    event.preventDefault();
    const step = event.key === "ArrowUp" ? -1 : 1;
    if (event.altKey && key !== "plan") {
      if (!canEdit) return;
      props.onMove(key, step);
      setRefocus(key);
      return;
    }
    const rows = [...(list.current?.querySelectorAll<HTMLButtonElement>("button[data-key]") ?? [])];
    rows[rows.indexOf(event.currentTarget) + step]?.focus();
  };

  const dropHandlers = (target: string) => ({
    onDragOver: (event: DragEvent) => {
      if (dragging === null || (target !== "" && blocked.has(target))) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = "move";
      setDropOn(target);
    },
    onDragLeave: () => setDropOn((on) => (on === target ? null : on)),
    onDrop: (event: DragEvent) => {
      event.preventDefault();
      if (dragging !== null) props.onMoveTo(dragging, target);
      setDragging(null);
      setDropOn(null);
    },
  });

  const row = (node: DraftNode) => {
    const count = issueCount.get(node.key) ?? 0;
    const children = childrenOf(draft.nodes, node.key);
    return (
      <li key={node.key} className={`tree-node role-${node.role}`} data-node-id={node.id}>
        {/* biome-ignore lint/a11y/noStaticElementInteractions: dragging is a shortcut; the keyboard moves nodes with the parent field and Alt+↑↓ */}
        <div
          className={`tree-row editor-row${dropOn === node.key ? " drop-target" : ""}`}
          draggable={canEdit}
          onDragStart={(event) => {
            event.dataTransfer.setData("text/plain", node.id);
            event.dataTransfer.effectAllowed = "move";
            setDragging(node.key);
          }}
          onDragEnd={() => {
            setDragging(null);
            setDropOn(null);
          }}
          {...dropHandlers(node.key)}
        >
          <button
            type="button"
            className="editor-row-button"
            data-key={node.key}
            aria-current={selected === node.key ? "true" : undefined}
            onClick={() => props.onSelect(node.key)}
            onKeyDown={(event) => onKeyDown(event, node.key)}
          >
            <span className="role-tag">{node.role.toUpperCase()}</span>
            <span className="tree-name">{node.name || node.id}</span>
            <code className="muted editor-id">{node.id}</code>
            {node.savedId === null ? (
              <span className="editor-mark mark-new">{t("editor.markNew")}</span>
            ) : (
              changed.has(node.id) && (
                <span className="editor-mark mark-changed">{t("editor.markChanged")}</span>
              )
            )}
            {count > 0 && (
              <span className="editor-mark mark-problem">{t("editor.markProblems", { count })}</span>
            )}
          </button>
        </div>
        {children.length > 0 && <ul>{children.map(row)}</ul>}
      </li>
    );
  };

  return (
    <nav className="editor-tree" aria-label={t("editor.treeLabel")} ref={list}>
      <p className="muted editor-tree-hint" id="editor-tree-hint">
        {canEdit ? t("editor.treeHint") : t("editor.treeHintReadOnly")}
      </p>
      <button
        type="button"
        className="editor-row-button editor-plan-row"
        data-key="plan"
        aria-current={selected === "plan" ? "true" : undefined}
        aria-describedby="editor-tree-hint"
        onClick={() => props.onSelect("plan")}
        onKeyDown={(event) => onKeyDown(event, "plan")}
      >
        <span className="tree-name">{t("editor.planSettings")}</span>
        {planIssues > 0 && (
          <span className="editor-mark mark-problem">{t("editor.markProblems", { count: planIssues })}</span>
        )}
      </button>
      {draft.nodes.length === 0 ? (
        <p className="muted">{t("editor.noNodes")}</p>
      ) : (
        <ul className="tree">{roots.map(row)}</ul>
      )}
      {dragging !== null && (
        <div className={`editor-drop-root${dropOn === "" ? " drop-target" : ""}`} {...dropHandlers("")}>
          {t("editor.dropToTop")}
        </div>
      )}
      {canEdit && (
        <button type="button" className="editor-add-root" onClick={props.onAddRoot}>
          {t("editor.addKgi")}
        </button>
      )}
    </nav>
  );
}
