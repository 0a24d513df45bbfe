import { type FormEvent, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import type { EntryNode } from "./api";
import type { StoredValues } from "./drafts";
import type { GridRow } from "./EntryGrid";
import { checkSegmentName } from "./segmentRows";

interface SegmentFormProps {
  /** The KPIs in the grid. */
  nodes: readonly EntryNode[];
  rows: readonly GridRow[];
  stored: StoredValues;
  onAdd: (node: EntryNode, segment: string) => void;
}

/** Adds a row for a new segment under one of the grid's KPIs (it is stored once a value is saved). */
export function SegmentForm({ nodes, rows, stored, onAdd }: SegmentFormProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const nodeId = useId();
  const nameId = useId();
  const messageId = useId();
  const [chosen, setChosen] = useState<string | null>(null);
  const [name, setName] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const node = nodes.find((n) => n.id === chosen) ?? nodes[0];
  if (!node) return null;

  const segments = rows.filter((r) => r.node.id === node.id && r.kind === "segment").map((r) => r.segment);
  // Unsegmented actuals in the shown periods count in the total beside any segment.
  const own = stored[node.id];
  const mixes = own !== undefined && Object.keys(own).length > 0;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!node) return;
    const check = checkSegmentName(name, segments);
    if (!check.ok) {
      setProblem(
        check.reason === "duplicate"
          ? t("entry.segments.duplicate", { existing: check.existing })
          : t(`entry.segments.${check.reason}`),
      );
      return;
    }
    setProblem(null);
    setName("");
    onAdd(node, check.name);
  }

  return (
    <form className="entry-segment-form" aria-labelledby={headingId} onSubmit={submit} noValidate>
      <h3 id={headingId}>{t("entry.segments.heading")}</h3>
      <p className="muted">{t("entry.segments.lead")}</p>
      <div className="entry-segment-fields">
        <label htmlFor={nodeId}>
          <span>{t("entry.segments.kpi")}</span>
          <select
            id={nodeId}
            value={node.id}
            onChange={(e) => {
              setChosen(e.target.value);
              setProblem(null);
            }}
          >
            {nodes.map((n) => (
              <option key={n.id} value={n.id}>
                {n.name ?? n.id}
              </option>
            ))}
          </select>
        </label>
        <label htmlFor={nameId}>
          <span>{t("entry.segments.name")}</span>
          <input
            id={nameId}
            type="text"
            value={name}
            placeholder={t("entry.segments.namePlaceholder")}
            autoComplete="off"
            aria-invalid={problem ? true : undefined}
            aria-describedby={messageId}
            onChange={(e) => {
              setName(e.target.value);
              setProblem(null);
            }}
          />
        </label>
        <button type="submit">{t("entry.segments.add")}</button>
      </div>
      <div id={messageId}>
        {problem && (
          <p className="entry-segment-problem" role="alert">
            {problem}
          </p>
        )}
        {mixes && <p className="entry-segment-warning">{t("entry.segments.mixWarning")}</p>}
      </div>
    </form>
  );
}
