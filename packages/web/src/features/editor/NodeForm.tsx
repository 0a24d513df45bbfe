import { AGGREGATIONS, BASES, DIRECTIONS, GRAINS, grainName, ROLES } from "@shihyo/engine";
import { type ReactNode, useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { currentLang } from "../../i18n/setupI18n";
import type { FieldIssue } from "./checkDraft";
import { allowedParents, childrenOf, treeOrder, usersOf } from "./editTree";
import type { Draft, DraftNode, DraftTarget } from "./planDraft";

const UNITS = ["JPY", "USD", "count", "percent", "ratio", "days", "hours", "score"];

/** Example period ids per cadence, shown next to the targets. */
const PERIOD_EXAMPLES: Record<string, string> = {
  day: "2026-04-15",
  week: "2026-W16",
  month: "2026-04",
  quarter: "FY2026-Q1",
  half: "FY2026-H1",
  year: "FY2026",
};

interface Props {
  node: DraftNode;
  draft: Draft;
  issues: FieldIssue[];
  canEdit: boolean;
  focusField: { field: string; row?: number } | null;
  onFocused: () => void;
  onChange: (patch: Partial<DraftNode>) => void;
  onMove: (step: -1 | 1) => void;
  onMoveTo: (parentKey: string) => boolean;
  onAdd: (where: "child" | "sibling") => void;
  onRemove: () => void;
}

/** Every field of one node, with the engine's findings beside the field they are about. */
export function NodeForm(props: Props) {
  const { node, draft, issues, canEdit, onChange } = props;
  const { t, i18n } = useTranslation();
  const lang = currentLang(i18n.language);
  const prefix = useId();
  const idOf = (field: string) => `${prefix}-${field}`;
  const form = useRef<HTMLFormElement>(null);
  const numeric = node.role !== "ksf";
  const issuesOf = (field: string) => issues.filter((i) => i.field === field);

  const { focusField, onFocused } = props;
  useEffect(() => {
    if (!focusField) return;
    const field = focusField.field === "range" ? "rangeMin" : focusField.field;
    const id =
      field === "targets" && focusField.row !== undefined
        ? `${prefix}-targets-${focusField.row}-period`
        : `${prefix}-${field}`;
    const element = document.getElementById(id) ?? form.current?.querySelector<HTMLElement>("input, select");
    element?.focus();
    onFocused();
  }, [focusField, onFocused, prefix]);

  const text = (
    field: keyof DraftNode & string,
    label: string,
    options: { hint?: string; list?: string } = {},
  ) => (
    <Field
      id={idOf(field)}
      label={label}
      issues={issuesOf(field === "rangeMin" ? "range" : field)}
      hint={options.hint}
    >
      {(aria) => (
        <input
          {...aria}
          type="text"
          list={options.list}
          value={node[field] as string}
          onChange={(e) => onChange({ [field]: e.target.value })}
        />
      )}
    </Field>
  );

  /** A select of fixed choices; the empty choice ("") leaves the field unset. */
  const choice = <F extends "direction" | "cadence" | "grain" | "aggregation">(
    field: F,
    values: readonly string[],
    name: (value: string) => string,
    options: { empty: string; hint?: string },
  ) => (
    <Field
      id={idOf(field)}
      label={t(`editor.fieldNames.${field}`)}
      issues={issuesOf(field)}
      hint={options.hint}
    >
      {(aria) => (
        <select
          {...aria}
          value={node[field]}
          onChange={(e) => onChange({ [field]: e.target.value } as Partial<DraftNode>)}
        >
          <option value="">{options.empty}</option>
          {values.map((v) => (
            <option key={v} value={v}>
              {name(v)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );

  const siblings = childrenOf(draft.nodes, node.parent);
  const position = siblings.findIndex((n) => n.key === node.key);
  const parents = new Set(allowedParents(draft.nodes, node.key).map((n) => n.key));
  const parentOptions = treeOrder(draft.nodes).filter(({ node: n }) => parents.has(n.key));
  const numericIds = draft.nodes.filter((n) => n.role !== "ksf" && n.key !== node.key).map((n) => n.id);
  const departments = [...new Set(draft.nodes.map((n) => n.department).filter((d) => d !== ""))];
  const owners = [...new Set(draft.nodes.map((n) => n.owner).filter((o) => o !== ""))];

  return (
    <form
      ref={form}
      className="editor-form card"
      aria-labelledby={idOf("heading")}
      onSubmit={(e) => e.preventDefault()}
    >
      <h2 id={idOf("heading")}>
        <span className="role-tag">{node.role.toUpperCase()}</span> {node.name || node.id}
      </h2>
      <fieldset disabled={!canEdit}>
        <legend>{t("editor.sectionBasics")}</legend>
        <div className="editor-grid">
          <Field
            id={idOf("id")}
            label={t("editor.fieldNames.id")}
            issues={issuesOf("id")}
            hint={node.savedId === null ? t("editor.idHint") : t("editor.idFixed")}
          >
            {(aria) => (
              <input
                {...aria}
                type="text"
                className="mono"
                value={node.id}
                readOnly={node.savedId !== null}
                autoComplete="off"
                spellCheck={false}
                onChange={(e) => onChange({ id: e.target.value })}
              />
            )}
          </Field>
          {text("name", t("editor.fieldNames.name"))}
          <Field id={idOf("role")} label={t("editor.fieldNames.role")} issues={issuesOf("role")}>
            {(aria) => (
              <select
                {...aria}
                value={node.role}
                onChange={(e) => onChange({ role: e.target.value as DraftNode["role"] })}
              >
                {ROLES.map((role) => (
                  <option key={role} value={role}>
                    {t(`editor.roles.${role}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field
            id={idOf("parent")}
            label={t("editor.fieldNames.parent")}
            issues={issuesOf("parent")}
            hint={t("editor.parentHint")}
          >
            {(aria) => (
              <select {...aria} value={node.parent} onChange={(e) => props.onMoveTo(e.target.value)}>
                <option value="">{t("editor.noParent")}</option>
                {parentOptions.map(({ node: n, depth }) => (
                  <option key={n.key} value={n.key}>
                    {`${"\u3000".repeat(depth)}${n.role.toUpperCase()} ${n.name || n.id} (${n.id})`}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <div className="editor-inline-actions">
          <button type="button" onClick={() => props.onMove(-1)} disabled={position <= 0}>
            {t("editor.moveUp")}
          </button>
          <button
            type="button"
            onClick={() => props.onMove(1)}
            disabled={position < 0 || position >= siblings.length - 1}
          >
            {t("editor.moveDown")}
          </button>
          <span className="muted">
            {t("editor.position", { position: position + 1, count: siblings.length })}
          </span>
        </div>
        <Field
          id={idOf("definition")}
          label={t("editor.fieldNames.definition")}
          issues={issuesOf("definition")}
        >
          {(aria) => (
            <textarea
              {...aria}
              rows={2}
              value={node.definition}
              onChange={(e) => onChange({ definition: e.target.value })}
            />
          )}
        </Field>
      </fieldset>

      {numeric ? (
        <fieldset disabled={!canEdit}>
          <legend>{t("editor.sectionNumbers")}</legend>
          <FormulaField
            id={idOf("formula")}
            value={node.formula}
            issues={issuesOf("formula")}
            onChange={(formula) => onChange({ formula })}
          />
          <div className="editor-grid">
            {text("unit", t("editor.fieldNames.unit"), { list: idOf("units") })}
            <datalist id={idOf("units")}>
              {UNITS.map((unit) => (
                <option key={unit} value={unit} />
              ))}
            </datalist>
            {choice(
              "direction",
              DIRECTIONS,
              (d) => t(`editor.directions.${d as (typeof DIRECTIONS)[number]}`),
              {
                empty: t("editor.directionDefault"),
              },
            )}
            {(node.direction === "range" || node.rangeMin !== "" || node.rangeMax !== "") && (
              <>
                {text("rangeMin", t("editor.rangeMin"))}
                {text("rangeMax", t("editor.rangeMax"))}
              </>
            )}
            {choice("cadence", GRAINS, (g) => grainName(g as (typeof GRAINS)[number], lang), {
              empty: t("editor.notSet"),
              hint: t("editor.cadenceHint"),
            })}
            {choice("grain", GRAINS, (g) => grainName(g as (typeof GRAINS)[number], lang), {
              empty: t("editor.notSet"),
              hint: t("editor.grainHint"),
            })}
            {choice(
              "aggregation",
              AGGREGATIONS,
              (a) => t(`editor.aggregations.${a as (typeof AGGREGATIONS)[number]}`),
              {
                empty: t("editor.notSet"),
                hint: t("editor.aggregationHint"),
              },
            )}
            {(node.aggregation === "weighted_average" || node.weight !== "") && (
              <Field id={idOf("weight")} label={t("editor.fieldNames.weight")} issues={issuesOf("weight")}>
                {(aria) => (
                  <select
                    {...aria}
                    value={node.weight}
                    onChange={(e) => onChange({ weight: e.target.value })}
                  >
                    <option value="">{t("editor.notSet")}</option>
                    {!numericIds.includes(node.weight) && node.weight !== "" && (
                      <option value={node.weight}>{node.weight}</option>
                    )}
                    {numericIds.map((id) => (
                      <option key={id} value={id}>
                        {id}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
            )}
            {text("tolerance", t("editor.fieldNames.tolerance"), { hint: t("editor.toleranceHint") })}
          </div>
        </fieldset>
      ) : (
        <p className="muted editor-ksf-note">{t("editor.ksfNote")}</p>
      )}

      <fieldset disabled={!canEdit}>
        <legend>{t("editor.sectionPeople")}</legend>
        <div className="editor-grid">
          {text("department", t("editor.fieldNames.department"), { list: idOf("departments") })}
          <datalist id={idOf("departments")}>
            {departments.map((d) => (
              <option key={d} value={d} />
            ))}
          </datalist>
          {text("owner", t("editor.fieldNames.owner"), { list: idOf("owners") })}
          <datalist id={idOf("owners")}>
            {owners.map((o) => (
              <option key={o} value={o} />
            ))}
          </datalist>
          {text("tags", t("editor.fieldNames.tags"), { hint: t("editor.tagsHint") })}
        </div>
      </fieldset>

      {numeric && (
        <TargetsTable
          id={idOf("targets")}
          node={node}
          issues={issuesOf("targets")}
          canEdit={canEdit}
          onChange={(targets) => onChange({ targets })}
        />
      )}

      {canEdit && <NodeActions node={node} draft={draft} onAdd={props.onAdd} onRemove={props.onRemove} />}
    </form>
  );
}

type Aria = { id: string; "aria-invalid"?: true; "aria-describedby"?: string };

/** A labelled input with its hint and its problems, tied together for screen readers. */
function Field({
  id,
  label,
  issues,
  hint,
  children,
}: {
  id: string;
  label: string;
  issues: FieldIssue[];
  hint?: string | undefined;
  children: (aria: Aria) => ReactNode;
}) {
  const described = [hint ? `${id}-hint` : null, issues.length > 0 ? `${id}-issues` : null].filter(Boolean);
  const aria: Aria = { id };
  if (issues.length > 0) aria["aria-invalid"] = true;
  if (described.length > 0) aria["aria-describedby"] = described.join(" ");
  return (
    <div className={`editor-field${issues.length > 0 ? " has-issues" : ""}`}>
      <label htmlFor={id}>{label}</label>
      {children(aria)}
      {hint && (
        <p className="editor-hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <IssueMessages id={`${id}-issues`} issues={issues} />
    </div>
  );
}

function IssueMessages({ id, issues }: { id: string; issues: FieldIssue[] }) {
  const { t } = useTranslation();
  if (issues.length === 0) return null;
  return (
    <ul className="editor-field-issues" id={id}>
      {issues.map((issue) => (
        <li key={`${issue.source}|${issue.key}|${issue.field}|${issue.row ?? ""}|${issue.message}`}>
          <span aria-hidden="true">⚠ </span>
          {issue.source === "server" && <span className="role-tag">{t("editor.fromServer")}</span>}{" "}
          {issue.message}
        </li>
      ))}
    </ul>
  );
}

/** The formula, checked as it is typed; a problem with a position is pointed at in the text. */
function FormulaField({
  id,
  value,
  issues,
  onChange,
}: {
  id: string;
  value: string;
  issues: FieldIssue[];
  onChange: (formula: string) => void;
}) {
  const { t } = useTranslation();
  const located = issues.find((i) => i.offset !== undefined && i.offset < value.length);
  return (
    <Field id={id} label={t("editor.fieldNames.formula")} issues={issues} hint={t("editor.formulaHint")}>
      {(aria) => (
        <>
          <input
            {...aria}
            type="text"
            className="mono editor-formula"
            value={value}
            autoComplete="off"
            spellCheck={false}
            placeholder="leads * win_rate * deal_size"
            onChange={(e) => onChange(e.target.value)}
          />
          {located?.offset !== undefined && (
            <p className="editor-formula-at">
              <span className="muted">{t("editor.formulaAt", { column: located.offset + 1 })} </span>
              <code>
                {value.slice(0, located.offset)}
                <mark>
                  {value.slice(located.offset, located.offset + tokenLength(value, located.offset))}
                </mark>
                {value.slice(located.offset + tokenLength(value, located.offset))}
              </code>
            </p>
          )}
        </>
      )}
    </Field>
  );
}

/** The length of the id or number at `offset` (at least one character), to mark it. */
function tokenLength(text: string, offset: number): number {
  const match = /^[\w.]+/.exec(text.slice(offset));
  return Math.max(1, match?.[0].length ?? 1);
}

function TargetsTable({
  id,
  node,
  issues,
  canEdit,
  onChange,
}: {
  id: string;
  node: DraftNode;
  issues: FieldIssue[];
  canEdit: boolean;
  onChange: (targets: DraftTarget[]) => void;
}) {
  const { t } = useTranslation();
  const rows = node.targets;
  const set = (index: number, patch: Partial<DraftTarget>) =>
    onChange(rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  const rowIssues = (index: number) => issues.filter((i) => i.row === index);
  const tableIssues = issues.filter((i) => i.row === undefined);
  const example = PERIOD_EXAMPLES[node.cadence || "month"];
  return (
    <fieldset disabled={!canEdit} className="editor-targets">
      <legend>{t("editor.sectionTargets")}</legend>
      <p className="editor-hint" id={`${id}-hint`}>
        {t("editor.targetsHint", { example })}
      </p>
      {rows.length === 0 ? (
        <p className="muted">{t("editor.noTargets")}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t("editor.targetPeriod")}</th>
              <th scope="col">{t("editor.targetValue")}</th>
              <th scope="col">{t("editor.targetBaseline")}</th>
              <th scope="col">{t("editor.targetBasis")}</th>
              <th scope="col">{t("editor.targetNote")}</th>
              <th scope="col">
                <span className="visually-hidden">{t("editor.targetActions")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, index) => {
              const problems = rowIssues(index);
              const aria =
                problems.length > 0
                  ? { "aria-invalid": true as const, "aria-describedby": `${id}-${index}-issues` }
                  : {};
              const label = (what: string) => t("editor.targetCell", { what, row: index + 1 });
              return (
                // Rows have no identity but their place: the period is the very thing being typed.
                // biome-ignore lint/suspicious/noArrayIndexKey: see above
                <tr key={index}>
                  <td>
                    <input
                      id={`${id}-${index}-period`}
                      className="mono"
                      aria-label={label(t("editor.targetPeriod"))}
                      {...aria}
                      value={row.period}
                      placeholder={example}
                      onChange={(e) => set(index, { period: e.target.value })}
                    />
                  </td>
                  <td>
                    <input
                      inputMode="decimal"
                      aria-label={label(t("editor.targetValue"))}
                      {...aria}
                      value={row.value}
                      onChange={(e) => set(index, { value: e.target.value })}
                    />
                  </td>
                  <td>
                    <input
                      inputMode="decimal"
                      aria-label={label(t("editor.targetBaseline"))}
                      value={row.baseline}
                      onChange={(e) => set(index, { baseline: e.target.value })}
                    />
                  </td>
                  <td>
                    <select
                      aria-label={label(t("editor.targetBasis"))}
                      value={row.basis}
                      onChange={(e) => set(index, { basis: e.target.value as DraftTarget["basis"] })}
                    >
                      <option value="">{t("editor.notSet")}</option>
                      {BASES.map((b) => (
                        <option key={b} value={b}>
                          {t(`editor.bases.${b}`)}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <input
                      aria-label={label(t("editor.targetNote"))}
                      value={row.note}
                      onChange={(e) => set(index, { note: e.target.value })}
                    />
                    <IssueMessages id={`${id}-${index}-issues`} issues={problems} />
                  </td>
                  <td>
                    <button
                      type="button"
                      aria-label={t("editor.removeTarget", { row: index + 1 })}
                      onClick={() => onChange(rows.filter((_, i) => i !== index))}
                    >
                      ×
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <IssueMessages id={`${id}-issues`} issues={tableIssues} />
      <button
        type="button"
        onClick={() => onChange([...rows, { period: "", value: "", baseline: "", basis: "", note: "" }])}
      >
        {t("editor.addTarget")}
      </button>
    </fieldset>
  );
}

/** Add a child or a sibling; delete with a confirmation, refused while formulas use the node. */
function NodeActions({
  node,
  draft,
  onAdd,
  onRemove,
}: {
  node: DraftNode;
  draft: Draft;
  onAdd: (where: "child" | "sibling") => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const children = childrenOf(draft.nodes, node.key);
  const parent = draft.nodes.find((n) => n.key === node.parent);
  const askToRemove = () => {
    const users = usersOf(draft.nodes, node.id);
    if (users.length > 0) {
      setRefusal(
        t("editor.deleteRefused", {
          id: node.id,
          users: users.map((u) => `${u.name || u.id} (${u.id})`).join(", "),
        }),
      );
      return;
    }
    setRefusal(null);
    dialog.current?.showModal();
  };
  return (
    <div className="editor-node-actions">
      <button type="button" onClick={() => onAdd("child")}>
        {t("editor.addChild")}
      </button>
      <button type="button" onClick={() => onAdd("sibling")}>
        {t("editor.addSibling")}
      </button>
      <button type="button" className="danger" onClick={askToRemove}>
        {t("editor.delete")}
      </button>
      {refusal && (
        <p className="form-error" role="alert">
          {refusal}
        </p>
      )}
      <dialog ref={dialog} className="editor-dialog" aria-labelledby={`${node.key}-delete-title`}>
        <h2 id={`${node.key}-delete-title`}>{t("editor.deleteTitle", { name: node.name || node.id })}</h2>
        {node.savedId !== null && node.role !== "ksf" && <p>{t("editor.deleteData")}</p>}
        {children.length > 0 && (
          <p>
            {parent
              ? t("editor.deleteChildren", { count: children.length, parent: parent.name || parent.id })
              : t("editor.deleteChildrenTop", { count: children.length })}
          </p>
        )}
        <div className="editor-actions">
          <button type="button" onClick={() => dialog.current?.close()}>
            {t("editor.cancel")}
          </button>
          <button
            type="button"
            className="danger"
            onClick={() => {
              dialog.current?.close();
              onRemove();
            }}
          >
            {t("editor.deleteConfirm")}
          </button>
        </div>
      </dialog>
    </div>
  );
}
